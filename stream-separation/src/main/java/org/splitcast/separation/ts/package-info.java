/**
 * MPEG transport stream parsing for the separating device (seed 000, claim 10; flow C of docs/architecture.md):
 * 188-byte TS and 192-byte M2TS packets, adaptation fields and PCR, continuity, PAT and PMT with
 * their CRC and the absurd cases, PES framing, and the map from stream types to codecs. It reads
 * headers in place and never writes them.
 */
package org.splitcast.separation.ts;
