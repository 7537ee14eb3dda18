/**
 * Seed 000, claim 4: the complementary information is compressed and encrypted before it is sent,
 * and kept so at rest (docs/protected-complementary-format.md). {@code envelope}: one sealed record
 * (AES-256-GCM under an HKDF-SHA256 key derived from the content key Kc, or a multicast traffic
 * key); {@code store}: the file a server writes at ingest and serves from without a key, and the
 * re-sealer of content-key rotation; {@code wire}: the HTTP delivery contract's names and the
 * {@code chunks} parameter.
 */
package org.splitcast.protection;
