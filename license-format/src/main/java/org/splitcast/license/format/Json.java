package org.splitcast.license.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The one JSON mapper of the format (thread-safe, shared), strict when reading: a duplicate member
 * or trailing content is an error rather than a guess. Readers below throw {@link
 * IllegalArgumentException} with a message naming the member, never its value.
 */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static String string(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** A JSON object, or IllegalArgumentException. */
    static JsonNode readObject(byte[] json, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return node;
    }

    static JsonNode readObject(String json, String what) {
        if (json == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return node;
    }

    static String requiredString(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + member + "' must be a string");
        }
        return value.textValue();
    }

    static String optionalString(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + member + "' must be a string");
        }
        return value.textValue();
    }

    static long requiredLong(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("'" + member + "' must be a whole number");
        }
        return value.longValue();
    }

    /** A member that must be present, as a whole number or an explicit null. */
    static Integer nullableInt(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null) {
            throw new IllegalArgumentException("'" + member + "' is missing (null is written explicitly)");
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("'" + member + "' must be a whole number or null");
        }
        return value.intValue();
    }

    static boolean requiredBoolean(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException("'" + member + "' must be true or false");
        }
        return value.booleanValue();
    }

    static JsonNode requiredObject(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException("'" + member + "' must be an object");
        }
        return value;
    }
}
