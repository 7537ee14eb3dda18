package org.splitcast.terminal.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;

/** Reads a server's refusal: RFC 9457 problem details when it sent some (docs/problems.md). */
final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    /** The refusal of a non-2xx answer, with its problem details if the body has them. */
    static LicenseRequestException refusal(int status, String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/problem+json") || type.startsWith("application/json")) {
            try {
                JsonNode problem = JSON.readTree(body);
                if (problem != null && problem.isObject()) {
                    String problemType = text(problem, "type");
                    String code = text(problem, "code");
                    if (code == null && problemType != null && problemType.contains("/")) {
                        code = problemType.substring(problemType.lastIndexOf('/') + 1);
                    }
                    String detail = text(problem, "detail");
                    if (detail == null) {
                        detail = text(problem, "title");
                    }
                    return new LicenseRequestException(status, problemType, code, detail);
                }
            } catch (IOException e) {
                // not JSON after all: reported without details below
            }
        }
        return new LicenseRequestException(
                status, null, null, "no problem details (" + (type.isEmpty() ? "no body type" : type) + ")");
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
