/**
 * Per-codec knowledge of where coded media data lies (seed 000, claim 1: which part of the stream
 * goes into the complementary information): H.264 and HEVC slice headers, MPEG-1/2 video slices,
 * ADTS, AC-3 and MPEG audio frames. Each handler parses the headers (parameter sets, slice
 * headers, frame headers) and hands only slice data and frame payloads to the selection.
 */
package org.splitcast.separation.codec;
