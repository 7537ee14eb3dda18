package org.splitcast.separation;

import java.util.HexFormat;

/**
 * The outcome of a rebuild.
 *
 * @param outputBytes bytes of original written
 * @param chunks chunks applied
 * @param restoredBytes original bytes put back
 * @param fingerprint the main stream's fingerprint, checked (null for a partial range)
 */
public record RebuildReport(long outputBytes, long chunks, long restoredBytes, byte[] fingerprint) {

    public RebuildReport {
        fingerprint = fingerprint == null ? null : fingerprint.clone();
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint == null ? null : fingerprint.clone();
    }

    public String fingerprintHex() {
        return fingerprint == null ? "" : HexFormat.of().formatHex(fingerprint);
    }
}
