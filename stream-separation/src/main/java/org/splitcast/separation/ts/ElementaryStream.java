package org.splitcast.separation.ts;

/**
 * One elementary stream as a PMT declares it.
 *
 * @param programNumber the program that lists it (the first one, if several do)
 * @param streamType the PMT's stream_type
 * @param codec what the separator makes of it
 * @param description a readable name of the stream type ("stream type 0x86 (SCTE-35 splice info)")
 */
public record ElementaryStream(int programNumber, int pid, int streamType, Codec codec, String description) {}
