package org.splitcast.license.recommendation;

import java.time.Instant;
import java.util.List;

/**
 * A ranked recommendation list.
 *
 * @param terminalId the terminal it was asked for, or null for the subscriber as a whole
 * @param modelBuiltAt when the model answering was built
 */
public record RecommendationList(
        String subscriberId, String terminalId, List<RecommendedContent> items, Instant modelBuiltAt) {

    /** One entry: the content, its score (comparable within one list only) and why it is there. */
    public record RecommendedContent(String contentId, String title, String genre, double score, String reason) {}
}
