/**
 * The protected envelope (seed 000, claim 4; docs/protected-complementary-format.md §2-6): a
 * complementary record compressed (when it pays) and sealed with AES-256-GCM under a key derived
 * per sealing run from Kc (on demand) or a TEK (live), bound to its content, key id, type and
 * index. {@link org.splitcast.protection.envelope.EnvelopeSealer} seals,
 * {@link org.splitcast.protection.envelope.EnvelopeOpener} opens.
 */
package org.splitcast.protection.envelope;
