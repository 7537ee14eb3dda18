package org.splitcast.portal.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.error.ErrorCode;
import org.splitcast.license.precompute.PrecomputeSettings;
import org.splitcast.portal.api.RequestLimits;
import org.splitcast.portal.api.problem.Problem.FieldError;
import org.splitcast.registry.content.NewContent;
import org.splitcast.registry.content.NewPackage;
import org.splitcast.registry.terminal.NewTerminal;
import org.splitcast.registry.terminal.TerminalKeyType;

/** The strict JSON rules of every request body, on the API's own request types. */
class StrictJsonTest {

    private static final Jsonb JSONB = JsonbBuilder.create(
            new JsonbConfig().withNullValues(false).setProperty("jsonb.fail-on-unknown-properties", true));

    private static final String SETTINGS =
            """
            {"enabled": %s, "threshold": %s, "interval": "PT2S", "trendIntervals": %s, "period": "PT10S",
             "policy": "ALL", "k": 5, "listSize": 10, "maxItemsPerRun": 100, "itemCost": %s}""";

    private static Object read(String json, Class<?> type) {
        return StrictJsonReader.bind(json.getBytes(StandardCharsets.UTF_8), type, JSONB);
    }

    private static JsonBodyException refused(String json, Class<?> type) {
        return assertThrows(JsonBodyException.class, () -> read(json, type), json);
    }

    private static void assertNoJavaNames(JsonBodyException e) {
        String all = e.detail() + " " + e.errors();
        assertFalse(all.matches("(?s).*\\b(java|jakarta|org)\\.[a-z].*"), all);
        assertFalse(
                all.contains("TerminalKeyType") || all.contains("PrecomputeSettings") || all.contains("class "), all);
    }

    @Test
    void aValidBodyIsBound() {
        PrecomputeSettings s =
                (PrecomputeSettings) read(SETTINGS.formatted("true", "2.5", "3", "0.25"), PrecomputeSettings.class);
        assertTrue(s.enabled());
        assertEquals(2.5, s.threshold());
        assertEquals(3, s.trendIntervals());
        NewTerminal t =
                (NewTerminal) read("{\"id\":\"t1\",\"label\":\"TV\",\"keyType\":\"AES_256\"}", NewTerminal.class);
        assertEquals(TerminalKeyType.AES_256, t.keyType());
        NewPackage p =
                (NewPackage) read("{\"id\":\"p\",\"name\":\"n\",\"contentIds\":[\"a\",\"b\"]}", NewPackage.class);
        assertEquals(List.of("a", "b"), p.contentIds());
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedNotRepaired() {
        byte[] latin1 =
                "{\"id\":\"t\u00e9\",\"label\":\"TV\",\"keyType\":\"AES_256\"}".getBytes(StandardCharsets.ISO_8859_1);
        JsonBodyException e =
                assertThrows(JsonBodyException.class, () -> StrictJsonReader.bind(latin1, NewTerminal.class, JSONB));
        assertEquals(ErrorCode.MALFORMED_REQUEST, e.code());
        assertEquals("The request body is not UTF-8 text", e.detail());
        byte[] utf16 = "{\"id\":\"t1\",\"label\":\"TV\",\"keyType\":\"AES_256\"}".getBytes(StandardCharsets.UTF_16);
        assertThrows(JsonBodyException.class, () -> StrictJsonReader.bind(utf16, NewTerminal.class, JSONB));
        // the same text in UTF-8 is bound, accent included
        NewTerminal t = (NewTerminal) StrictJsonReader.bind(
                new String(latin1, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8),
                NewTerminal.class,
                JSONB);
        assertEquals("t\u00e9", t.id());
    }

    @Test
    void aStringIsNeverABoolean() {
        JsonBodyException e = refused(SETTINGS.formatted("\"maybe\"", "1", "3", "1"), PrecomputeSettings.class);
        assertEquals(ErrorCode.MALFORMED_REQUEST, e.code());
        assertEquals(List.of(new FieldError("enabled", "must be true or false, not a string")), e.errors());
        refused(SETTINGS.formatted("\"true\"", "1", "3", "1"), PrecomputeSettings.class);
        refused(SETTINGS.formatted("1", "1", "3", "1"), PrecomputeSettings.class);
    }

    @Test
    void aFractionIsNeverAnInteger() {
        JsonBodyException e = refused(SETTINGS.formatted("true", "1", "3.7", "1"), PrecomputeSettings.class);
        assertEquals("trendIntervals", e.errors().get(0).field());
        assertTrue(
                e.errors().get(0).message().startsWith("must be a whole number"),
                e.errors().toString());
        refused(SETTINGS.formatted("true", "1", "4294967296", "1"), PrecomputeSettings.class);
        // a whole number written with an exponent is whole
        read(SETTINGS.formatted("true", "1", "3E0", "1"), PrecomputeSettings.class);
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        JsonBodyException e = refused(SETTINGS.formatted("true", "1", "3", "1e400"), PrecomputeSettings.class);
        assertEquals(List.of(new FieldError("itemCost", "is out of range")), e.errors());
        refused(SETTINGS.formatted("true", "-1e400", "3", "1"), PrecomputeSettings.class);
    }

    @Test
    void numbersAreNotStringsNorStringsNumbers() {
        JsonBodyException e = refused("{\"id\":\"t1\",\"label\":42,\"keyType\":\"AES_256\"}", NewTerminal.class);
        assertEquals(List.of(new FieldError("label", "must be a string, not a number")), e.errors());
        refused("{\"title\": \"x\", \"genre\": \"drama\", \"durationSeconds\": \"60\"}", NewContent.class);
    }

    @Test
    void trailingContentAndDuplicatesAreRefused() {
        assertEquals(
                ErrorCode.MALFORMED_REQUEST,
                refused("{\"id\":\"t1\",\"label\":\"TV\",\"keyType\":\"AES_256\"} garbage", NewTerminal.class)
                        .code());
        refused("{\"id\":\"t1\",\"label\":\"TV\",\"keyType\":\"AES_256\"}{}", NewTerminal.class);
        refused("{\"id\":\"t1\",\"id\":\"t2\",\"label\":\"TV\",\"keyType\":\"AES_256\"}", NewTerminal.class);
    }

    @Test
    void anUnknownEnumValueIsAValidationErrorNamingTheFieldNotTheClass() {
        JsonBodyException e = refused("{\"id\":\"t1\",\"label\":\"TV\",\"keyType\":\"AES_128\"}", NewTerminal.class);
        assertEquals(ErrorCode.VALIDATION, e.code());
        assertEquals("keyType", e.errors().get(0).field());
        assertTrue(
                e.errors().get(0).message().contains("AES_256, RSA, EC_P256, X25519"),
                e.errors().toString());
        assertNoJavaNames(e);
    }

    @Test
    void unknownPropertiesAndWrongShapesNameTheField() {
        JsonBodyException e =
                refused("{\"title\":\"x\",\"genre\":\"d\",\"durationSeconds\":60,\"rule\":{}}", NewContent.class);
        assertEquals(List.of(new FieldError("rule", "is not a known property")), e.errors());
        JsonBodyException array = refused("[1, 2, 3]", NewContent.class);
        assertEquals("The request body must be an object, not an array", array.detail());
        JsonBodyException element =
                refused("{\"id\":\"p\",\"name\":\"n\",\"contentIds\":[\"a\", 7]}", NewPackage.class);
        assertEquals("contentIds[1]", element.errors().get(0).field());
        assertNoJavaNames(e);
        assertNoJavaNames(array);
    }

    @Test
    void nullBodyIsAClearMalformedRequest() {
        JsonBodyException e = refused("null", NewContent.class);
        assertEquals(ErrorCode.MALFORMED_REQUEST, e.code());
        assertEquals("The request body is JSON null: send a JSON object", e.detail());
        assertNull(e.errors());
    }

    @Test
    void syntaxErrorsSayWhereWithoutInternals() {
        JsonBodyException e = refused("{\"id\": ", NewContent.class);
        assertTrue(e.detail().startsWith("The request body is not valid JSON (at line 1"), e.detail());
        assertNoJavaNames(e);
    }

    @Test
    void bodiesOverTheLimitAre413() throws Exception {
        byte[] big = new byte[RequestLimits.DEFAULT_MAX_BODY + 1];
        JsonBodyException e = assertThrows(
                JsonBodyException.class,
                () -> StrictJsonReader.readBounded(new ByteArrayInputStream(big), RequestLimits.DEFAULT_MAX_BODY));
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, e.code());
        assertNotNull(
                StrictJsonReader.readBounded(new ByteArrayInputStream(new byte[10]), RequestLimits.DEFAULT_MAX_BODY));
    }
}
