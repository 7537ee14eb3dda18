package org.splitcast.separation;

import java.util.HexFormat;
import java.util.List;

/**
 * The outcome of a separation: sizes, shares, chunks and what happened to each elementary stream.
 *
 * @param packetSize 188 or 192
 * @param inputBytes bytes of the original (and of the main stream, which has the same length)
 * @param extractedBytes original bytes carried by the complementary information
 * @param chunks number of chunks
 * @param streamSeconds stream time covered, by the clock that timed the chunks
 * @param fingerprint the main stream's fingerprint (as the container defines it)
 * @param warnings damage found in the input, in readable form
 */
public record SeparationReport(
        int packetSize,
        long inputBytes,
        long extractedBytes,
        long chunks,
        double streamSeconds,
        byte[] separationId,
        byte[] fingerprint,
        List<StreamReport> streams,
        List<String> warnings) {

    public SeparationReport {
        separationId = separationId.clone();
        fingerprint = fingerprint.clone();
        streams = List.copyOf(streams);
        warnings = List.copyOf(warnings);
    }

    /** Extracted bytes over the whole input. */
    public double share() {
        return inputBytes == 0 ? 0 : (double) extractedBytes / inputBytes;
    }

    public String fingerprintHex() {
        return HexFormat.of().formatHex(fingerprint);
    }

    public String separationIdHex() {
        return HexFormat.of().formatHex(separationId);
    }

    @Override
    public byte[] separationId() {
        return separationId.clone();
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint.clone();
    }
}
