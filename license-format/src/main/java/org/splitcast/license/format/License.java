package org.splitcast.license.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A license as the server answers it (docs §1). {@code contentId}, {@code terminalId}, {@code keyId}
 * and {@code licenseId} here are for display and routing only: {@link LicenseVerifier} uses the
 * copies inside {@code access} and {@code grant}.
 */
public record License(
        String format,
        String licenseId,
        String contentId,
        String terminalId,
        String keyId,
        String access,
        String grant) {

    public static final String FORMAT = "splitcast-license/1";

    /** The JSON object of docs §1. */
    public String toJson() {
        ObjectNode node = Json.object();
        node.put("format", format);
        node.put("licenseId", licenseId);
        node.put("contentId", contentId);
        node.put("terminalId", terminalId);
        node.put("keyId", keyId);
        node.put("access", access);
        node.put("grant", grant);
        return Json.string(node);
    }

    /**
     * Reads the JSON object of docs §1; members it does not know are ignored. Checks the shape
     * only: verify the result with {@link LicenseVerifier}.
     *
     * @throws IllegalArgumentException if it is not such an object
     */
    public static License fromJson(String json) {
        JsonNode node = Json.readObject(json, "license");
        return new License(
                Json.requiredString(node, "format"),
                Json.optionalString(node, "licenseId"),
                Json.optionalString(node, "contentId"),
                Json.optionalString(node, "terminalId"),
                Json.optionalString(node, "keyId"),
                Json.requiredString(node, "access"),
                Json.requiredString(node, "grant"));
    }
}
