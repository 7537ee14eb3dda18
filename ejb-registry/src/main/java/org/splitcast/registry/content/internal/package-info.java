/**
 * The catalogue: contents (title, genre, duration, the default access rules of their licenses),
 * their content keys Kc (generated here, stored only as key-vault envelopes), and packages of
 * contents that entitlements can grant at once.
 */
package org.splitcast.registry.content.internal;
