/**
 * Demo data for the embedded default: a few subscribers with demographics, their terminals,
 * a small catalogue in packages, and entitlements, written through the same services as the API
 * and only into an empty database.
 */
package org.splitcast.registry.demo;
