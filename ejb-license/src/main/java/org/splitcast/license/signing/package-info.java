/**
 * The server's license signing keys (docs/license-format.md §3.3, §5): created on first start
 * with the configured algorithm, rotated by the operator, published as a JWK set; private halves
 * only as key-vault envelopes.
 */
package org.splitcast.license.signing;
