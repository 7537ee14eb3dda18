package org.splitcast.recommendation;

import java.util.Objects;

/**
 * One entry of a recommendation list.
 *
 * @param contentId the recommended content
 * @param score its blended score (higher first); comparable within one list only
 * @param reason which part of the score weighed most
 */
public record Recommendation(String contentId, double score, Reason reason) {

    /** Which part of the blended score weighed most for an entry. */
    public enum Reason {
        /** Contents co-viewed with the subscriber's recent history (collaborative filtering). */
        CO_VIEW,
        /** Popular in the subscriber's demographic segment (or its coarser segment). */
        SEGMENT_POPULAR,
        /** Popular in the whole population. */
        POPULAR
    }

    public Recommendation {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(reason, "reason");
    }
}
