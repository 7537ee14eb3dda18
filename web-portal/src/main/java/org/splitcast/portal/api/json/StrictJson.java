package org.splitcast.portal.api.json;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.splitcast.error.ErrorCode;
import org.splitcast.portal.api.problem.Problem.FieldError;

/**
 * The strict rules every request body of the API is read with, whatever its type:
 *
 * <ul>
 *   <li>exactly one JSON value: nothing after it, no duplicate property in an object;
 *   <li>not {@code null};
 *   <li>each value of the JSON type of the field it fills: a boolean is {@code true} or {@code
 *       false} (never a string), a whole number is a JSON number without a fraction and within the
 *       field's range ({@code 3.7} is not an {@code int}), a decimal is finite ({@code 1e400} is
 *       not a {@code double}), a string is a JSON string (never a number), an object has only the
 *       properties its type declares;
 *   <li>an enumerated value is one of the enumeration's values.
 * </ul>
 *
 * The first three are {@link ErrorCode#MALFORMED_REQUEST}, the last {@link ErrorCode#VALIDATION};
 * every error names the field ({@code demographics.country}, {@code items[2]}), never a Java type.
 */
public final class StrictJson {

    private static final JsonParserFactory PARSERS =
            Json.createParserFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final int MAX_ERRORS = 20;
    private static final int MAX_SHOWN = 60;

    private StrictJson() {}

    /**
     * The body as text: JSON between systems is UTF-8 (RFC 8259 §8.1); bytes that are not are
     * refused, never replaced. Decoded once, the text is read by every pass (a parser over the bytes
     * made its own decoder and buffers on each pass: issue 12's allocation profile).
     */
    public static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("The request body is not UTF-8 text");
        }
    }

    /**
     * Parses one JSON value of a body decoded by {@link #utf8(byte[])}, refusing trailing content
     * and duplicate keys.
     */
    public static JsonValue parse(String body) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(body))) {
            if (!parser.hasNext()) {
                throw malformed("The request body is empty");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw malformed("The request body has content after its JSON value");
            }
            if (value.getValueType() == JsonValue.ValueType.OBJECT
                    || value.getValueType() == JsonValue.ValueType.ARRAY) {
                String duplicate = duplicateKey(body);
                if (duplicate != null) {
                    throw malformed(
                            "The request body has the property '" + shorten(duplicate) + "' twice in an object");
                }
            }
            return value;
        } catch (JsonParsingException e) {
            throw malformed("The request body is not valid JSON (at line "
                    + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ")");
        } catch (JsonException | IllegalStateException | ArithmeticException | NumberFormatException e) {
            // duplicate keys, nesting or number limits of the parser; its message may name classes
            throw malformed("The request body is not acceptable JSON: "
                    + (e.getMessage() != null && e.getMessage().toLowerCase().contains("duplicate")
                            ? "a property appears twice"
                            : "it breaks a limit of the parser (nesting depth or number size)"));
        }
    }

    /** The first property name that appears twice in one object, or null (a second, streaming pass). */
    private static String duplicateKey(String body) {
        java.util.ArrayDeque<java.util.Set<String>> objects = new java.util.ArrayDeque<>();
        try (JsonParser parser = PARSERS.createParser(new StringReader(body))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> objects.push(new java.util.HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case KEY_NAME -> {
                        if (!objects.peek().add(parser.getString())) {
                            return parser.getString();
                        }
                    }
                    default -> {}
                }
            }
        }
        return null;
    }

    /**
     * Checks {@code value} against the declared {@code type}; throws {@link JsonBodyException}
     * listing every field in error.
     */
    public static void check(JsonValue value, Type type) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            throw malformed("The request body is JSON null: send " + article(jsonKind(type)));
        }
        Checker checker = new Checker();
        checker.check(value, type, "");
        if (checker.typeErrors.isEmpty() && checker.valueErrors.isEmpty()) {
            return;
        }
        boolean malformed = !checker.typeErrors.isEmpty();
        List<FieldError> errors = new ArrayList<>(checker.typeErrors);
        errors.addAll(checker.valueErrors);
        if (errors.size() == 1 && errors.get(0).field().isEmpty()) {
            throw new JsonBodyException(
                    ErrorCode.MALFORMED_REQUEST,
                    "The request body " + errors.get(0).message(),
                    null);
        }
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields are invalid: "
                        + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        throw new JsonBodyException(malformed ? ErrorCode.MALFORMED_REQUEST : ErrorCode.VALIDATION, detail, errors);
    }

    static JsonBodyException malformed(String detail) {
        return new JsonBodyException(ErrorCode.MALFORMED_REQUEST, detail, null);
    }

    private static final class Checker {
        final List<FieldError> typeErrors = new ArrayList<>();
        final List<FieldError> valueErrors = new ArrayList<>();

        void typeError(String path, String message) {
            if (typeErrors.size() + valueErrors.size() < MAX_ERRORS) {
                typeErrors.add(new FieldError(path, message));
            }
        }

        void valueError(String path, String message) {
            if (typeErrors.size() + valueErrors.size() < MAX_ERRORS) {
                valueErrors.add(new FieldError(path, message));
            }
        }

        void check(JsonValue value, Type type, String path) {
            Class<?> raw = raw(type);
            if (raw == null || raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
                return;
            }
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                if (raw.isPrimitive()) {
                    typeError(path, "must not be null");
                }
                return;
            }
            if (raw == Optional.class) {
                check(value, typeArgument(type, 0), path);
            } else if (raw == String.class || raw == char.class || raw == Character.class) {
                if (expect(value, JsonValue.ValueType.STRING, "a string", path)
                        && raw != String.class
                        && ((JsonString) value).getString().length() != 1) {
                    typeError(path, "must be a single character");
                }
            } else if (raw == boolean.class || raw == Boolean.class) {
                if (value.getValueType() != JsonValue.ValueType.TRUE
                        && value.getValueType() != JsonValue.ValueType.FALSE) {
                    typeError(path, "must be true or false, not " + describe(value));
                }
            } else if (isWhole(raw)) {
                if (expect(value, JsonValue.ValueType.NUMBER, "a whole number", path)) {
                    checkWhole(((JsonNumber) value).bigDecimalValue(), raw, path);
                }
            } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
                if (expect(value, JsonValue.ValueType.NUMBER, "a number", path)) {
                    BigDecimal number = ((JsonNumber) value).bigDecimalValue();
                    boolean single = raw == float.class || raw == Float.class;
                    if (single ? Float.isInfinite(number.floatValue()) : Double.isInfinite(number.doubleValue())) {
                        typeError(path, "is out of range");
                    }
                }
            } else if (raw == BigDecimal.class) {
                expect(value, JsonValue.ValueType.NUMBER, "a number", path);
            } else if (raw.isEnum()) {
                if (expect(value, JsonValue.ValueType.STRING, "a string", path)) {
                    String name = ((JsonString) value).getString();
                    Object[] constants = raw.getEnumConstants();
                    if (Arrays.stream(constants)
                            .noneMatch(c -> ((Enum<?>) c).name().equals(name))) {
                        valueError(
                                path,
                                "must be one of "
                                        + Arrays.stream(constants)
                                                .map(c -> ((Enum<?>) c).name())
                                                .collect(Collectors.joining(", "))
                                        + ", not '" + shorten(name) + "'");
                    }
                }
            } else if (raw == Instant.class) {
                parsed(value, path, "an ISO-8601 instant such as 2030-01-31T12:00:00Z", Instant::parse);
            } else if (raw == LocalDate.class) {
                parsed(value, path, "an ISO-8601 date such as 2030-01-31", LocalDate::parse);
            } else if (raw == Duration.class) {
                parsed(value, path, "an ISO-8601 duration such as PT30S", Duration::parse);
            } else if (raw == UUID.class) {
                parsed(value, path, "a UUID", UUID::fromString);
            } else if (raw.getName().startsWith("java.time.") || raw == java.net.URI.class) {
                expect(value, JsonValue.ValueType.STRING, "a string", path);
            } else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
                if (expect(value, JsonValue.ValueType.ARRAY, "an array", path)) {
                    Type element = raw.isArray() ? componentType(type) : typeArgument(type, 0);
                    JsonArray array = (JsonArray) value;
                    for (int i = 0; i < array.size(); i++) {
                        check(array.get(i), element, path + "[" + i + "]");
                    }
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                if (expect(value, JsonValue.ValueType.OBJECT, "an object", path)) {
                    Type valueType = typeArgument(type, 1);
                    for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
                        check(e.getValue(), valueType, join(path, e.getKey()));
                    }
                }
            } else if (raw.getName().startsWith("java.") || raw.getName().startsWith("jakarta.")) {
                // another JDK type: JSON-B's own rules
            } else if (expect(value, JsonValue.ValueType.OBJECT, "an object", path)) {
                Map<String, Type> properties = properties(raw);
                for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
                    Type propertyType = properties.get(e.getKey());
                    if (propertyType == null) {
                        typeError(join(path, e.getKey()), "is not a known property");
                    } else {
                        check(e.getValue(), propertyType, join(path, e.getKey()));
                    }
                }
            }
        }

        private boolean expect(JsonValue value, JsonValue.ValueType expected, String what, String path) {
            if (value.getValueType() == expected) {
                return true;
            }
            typeError(path, "must be " + what + ", not " + describe(value));
            return false;
        }

        private void checkWhole(BigDecimal number, Class<?> raw, String path) {
            BigInteger whole;
            try {
                whole = number.toBigIntegerExact();
            } catch (ArithmeticException e) {
                typeError(path, "must be a whole number, not " + shorten(number.toString()));
                return;
            }
            if (raw == BigInteger.class) {
                return;
            }
            long min;
            long max;
            if (raw == int.class || raw == Integer.class) {
                min = Integer.MIN_VALUE;
                max = Integer.MAX_VALUE;
            } else if (raw == short.class || raw == Short.class) {
                min = Short.MIN_VALUE;
                max = Short.MAX_VALUE;
            } else if (raw == byte.class || raw == Byte.class) {
                min = Byte.MIN_VALUE;
                max = Byte.MAX_VALUE;
            } else {
                min = Long.MIN_VALUE;
                max = Long.MAX_VALUE;
            }
            if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
                typeError(path, "is out of range (" + min + " to " + max + ")");
            }
        }

        private void parsed(JsonValue value, String path, String what, java.util.function.Function<String, ?> parse) {
            if (expect(value, JsonValue.ValueType.STRING, what, path)) {
                try {
                    parse.apply(((JsonString) value).getString());
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    typeError(path, "must be " + what);
                }
            }
        }
    }

    /**
     * The properties of each class, found once by reflection (a record's components were looked up
     * on every request body: issue 12's profile). A {@link ClassValue} keeps no class loader alive.
     */
    private static final ClassValue<Map<String, Type>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, Type> computeValue(Class<?> type) {
            return Collections.unmodifiableMap(findProperties(type));
        }
    };

    /** The JSON properties of a record or class: its components or non-static, non-transient fields. */
    static Map<String, Type> properties(Class<?> type) {
        return PROPERTIES.get(type);
    }

    private static Map<String, Type> findProperties(Class<?> type) {
        Map<String, Type> properties = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                JsonbProperty name = c.getAnnotation(JsonbProperty.class);
                properties.put(
                        name != null && !name.value().isEmpty() ? name.value() : c.getName(), c.getGenericType());
            }
            return properties;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int modifiers = f.getModifiers();
                if (Modifier.isStatic(modifiers)
                        || Modifier.isTransient(modifiers)
                        || f.isSynthetic()
                        || f.isAnnotationPresent(JsonbTransient.class)) {
                    continue;
                }
                JsonbProperty name = f.getAnnotation(JsonbProperty.class);
                properties.putIfAbsent(
                        name != null && !name.value().isEmpty() ? name.value() : f.getName(), f.getGenericType());
            }
        }
        return properties;
    }

    private static boolean isWhole(Class<?> raw) {
        return raw == int.class
                || raw == Integer.class
                || raw == long.class
                || raw == Long.class
                || raw == short.class
                || raw == Short.class
                || raw == byte.class
                || raw == Byte.class
                || raw == BigInteger.class;
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof GenericArrayType a) {
            Class<?> component = raw(a.getGenericComponentType());
            return component == null ? null : component.arrayType();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return null; // a type variable: no rule
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Type componentType(Type type) {
        if (type instanceof GenericArrayType a) {
            return a.getGenericComponentType();
        }
        return ((Class<?>) type).getComponentType();
    }

    private static String join(String path, String name) {
        String shown = shorten(name);
        return path.isEmpty() ? shown : path + "." + shown;
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }

    private static String jsonKind(Type type) {
        Class<?> raw = raw(type);
        if (raw != null && (raw.isArray() || Collection.class.isAssignableFrom(raw))) {
            return "array";
        }
        return "object";
    }

    private static String article(String kind) {
        return ("array".equals(kind) ? "an " : "a ") + "JSON " + kind;
    }

    /** A client's text shown back: at most {@value #MAX_SHOWN} characters. */
    static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
    }
}
