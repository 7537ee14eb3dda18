/**
 * {@code /api/licenses} (steps 130-150 of seed 003 over REST) and {@code /api/license-keys} (the
 * server's verification keys, docs/license-format.md §5).
 */
package org.splitcast.portal.api.license;
