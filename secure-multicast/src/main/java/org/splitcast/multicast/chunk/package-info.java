/**
 * Sealing of complementary-information chunks for multicast (seed 000, claims 4 and 5): the
 * {@link org.splitcast.multicast.chunk.ChunkSealer} boundary and this module's interim
 * implementation (DEFLATE + AES-256-GCM under a key derived from the traffic key).
 */
package org.splitcast.multicast.chunk;
