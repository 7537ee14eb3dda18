package org.splitcast.registry.content;

/**
 * A content as other modules see it.
 *
 * @param currentKeyId the id of its current content key Kc (never the key itself)
 */
public record ContentRecord(String id, String title, String genre, AccessRulesData rules, String currentKeyId) {}
