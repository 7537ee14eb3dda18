package org.splitcast.terminal.sdk;

/**
 * A finished playback.
 *
 * @param bytes bytes of the original written
 * @param chunks chunks applied
 * @param keyId the id of the content key the chunks were sealed under
 * @param licenses licenses asked for (2 when the chunks' key id made a fresh one necessary)
 * @param resumes times the main stream download was resumed after a dropped connection
 * @param fingerprintHex the main stream's fingerprint, checked against the sealed trailer
 */
public record PlayReport(long bytes, long chunks, String keyId, int licenses, int resumes, String fingerprintHex) {}
