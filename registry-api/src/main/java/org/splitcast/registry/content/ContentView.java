package org.splitcast.registry.content;

import java.time.Instant;
import java.util.List;

/**
 * A content as the API shows it.
 *
 * @param currentKeyId the id (not the key) of its current content key Kc
 */
public record ContentView(
        String id,
        String title,
        String genre,
        int durationSeconds,
        AccessRulesData rules,
        String currentKeyId,
        List<String> packageIds,
        Instant createdAt) {}
