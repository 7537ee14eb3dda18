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

    /**
     * One entry: the content, its score (comparable within one list only), why it is there, and, for
     * a list asked for a terminal, whether its access block for that terminal is precomputed (a
     * license asked now is served from the store: seed 003's purpose for the list shown).
     *
     * @param ready null for a list without a terminal
     */
    public record RecommendedContent(
            String contentId, String title, String genre, double score, String reason, Boolean ready) {

        public RecommendedContent withReady(Boolean ready) {
            return new RecommendedContent(contentId, title, genre, score, reason, ready);
        }
    }

    public RecommendationList withItems(List<RecommendedContent> newItems) {
        return new RecommendationList(subscriberId, terminalId, newItems, modelBuiltAt);
    }
}
