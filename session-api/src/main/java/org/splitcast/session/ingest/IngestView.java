package org.splitcast.session.ingest;

import java.time.Instant;
import java.util.List;

/**
 * An ingest of a content's stream, as the operator follows it.
 *
 * @param versionId the stored version this ingest makes (one per ingest; a re-ingest makes another)
 * @param source {@code upload} or {@code file}
 * @param bytesDone bytes of the source received (RECEIVING) or separated (SEPARATING and after)
 * @param bytesTotal the source's size, when known
 * @param megabytesPerSecond the current phase's speed (MB = 10^6 bytes), null before it starts
 * @param etaSeconds the current phase's estimated time left, null when unknown
 * @param published whether this version is the one served now
 * @param error why it failed, when FAILED
 * @param result the separation's figures, once READY
 */
public record IngestView(
        String contentId,
        String versionId,
        IngestState state,
        String source,
        long bytesDone,
        Long bytesTotal,
        Double megabytesPerSecond,
        Long etaSeconds,
        Instant startedAt,
        Instant finishedAt,
        boolean published,
        String error,
        SeparationResult result) {

    /**
     * What the separation produced.
     *
     * @param keyId the content key the complementary information is sealed under
     * @param mainLength bytes of the main stream (the original's length)
     * @param complementaryBytes bytes of the sealed complementary information as stored
     * @param extractedShare extracted bytes over the whole stream
     * @param chunks chunks of complementary information
     * @param streamSeconds stream time covered
     * @param streams each elementary stream
     * @param warnings damage found in the input, in readable form
     */
    public record SeparationResult(
            String keyId,
            long mainLength,
            long complementaryBytes,
            double extractedShare,
            long chunks,
            double streamSeconds,
            List<StreamResult> streams,
            List<String> warnings) {}

    /**
     * One elementary stream of the separation.
     *
     * @param protectedStream whether bytes of it were taken out (false: passed through)
     * @param share extracted bytes over the stream's own bytes
     */
    public record StreamResult(
            int pid,
            String codec,
            boolean protectedStream,
            String resolution,
            long bytes,
            long extractedBytes,
            double share,
            long units,
            long unitsHit) {}
}
