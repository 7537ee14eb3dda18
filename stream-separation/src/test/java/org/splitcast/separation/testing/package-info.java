/**
 * Test fixtures: media generated with ffmpeg (through splitcast-test-media) at test time, a synthetic transport stream muxer for
 * edge cases, an independent reading of a transport stream's byte layout, a looping stream for the
 * constant-memory test, and an in-process runner of the command line.
 */
package org.splitcast.separation.testing;
