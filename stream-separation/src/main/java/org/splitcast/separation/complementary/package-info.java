/**
 * The complementary information container (seed 000, claims 1 and 4; docs/complementary-format.md):
 * a versioned header bound to the main stream's fingerprint, then self-contained chunks aligned on
 * stream time, each with its byte range, its digests and its delta-encoded runs, so that the
 * server can compress, encrypt and multicast each chunk on its own, in step with playback.
 */
package org.splitcast.separation.complementary;
