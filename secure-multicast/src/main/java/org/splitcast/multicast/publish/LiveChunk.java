package org.splitcast.multicast.publish;

/**
 * One chunk of a live channel as the publisher takes it from its source: its live number (counted
 * from 0 across loops), its complementary-information record (docs/complementary-format.md §5), the
 * main-stream bytes of its range (public, served by the main-stream window) and the stream time it
 * is due at, in 90 kHz ticks from the start of the broadcast.
 */
public record LiveChunk(long chunkSeq, byte[] record, byte[] mainBytes, long streamTime90k) {}
