package org.splitcast.portal.api.json.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.splitcast.license.LicenseRequest;
import org.splitcast.license.precompute.PrecomputeSettings;
import org.splitcast.portal.api.json.JsonBodyException;
import org.splitcast.portal.api.json.StrictJsonReader;
import org.splitcast.portal.api.problem.Problem;
import org.splitcast.registry.content.NewContent;
import org.splitcast.registry.content.NewPackage;
import org.splitcast.registry.entitlement.NewEntitlement;
import org.splitcast.registry.subscriber.NewSubscriber;
import org.splitcast.registry.terminal.NewTerminal;

/**
 * The JSON request bodies of the API (docs/fuzzing.md): arbitrary bytes read by the strict reader
 * as one of the API's request types (byte 0 chooses which). Property: the body is bound, or refused
 * with a {@link JsonBodyException} whose detail and field errors name no Java type; never another
 * exception, a hang or a leak of an internal name.
 */
class RequestBodyFuzzTest {

    private static final Jsonb JSONB = JsonbBuilder.create(
            new JsonbConfig().withNullValues(false).setProperty("jsonb.fail-on-unknown-properties", true));
    private static final List<Class<?>> TYPES = List.of(
            NewContent.class,
            NewTerminal.class,
            NewPackage.class,
            NewSubscriber.class,
            NewEntitlement.class,
            LicenseRequest.class,
            PrecomputeSettings.class);
    private static final Pattern JAVA_NAME =
            Pattern.compile("\\b(?:java|jakarta|org|com)\\.[a-z]|\\bclass |Exception|\\$|NewContent|NewTerminal"
                    + "|NewPackage|NewSubscriber|NewEntitlement|LicenseRequest|PrecomputeSettings|TerminalKeyType"
                    + "|SelectionPolicyName");

    @FuzzTest
    @Timeout(10)
    @DictionaryEntries({
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "true",
        "false",
        "null",
        "1e400",
        "-0",
        "3.7",
        "4294967296",
        "\\u0000",
        "\"id\"",
        "\"title\"",
        "\"genre\"",
        "\"durationSeconds\"",
        "\"rules\"",
        "\"maxPlays\"",
        "\"label\"",
        "\"keyType\"",
        "\"AES_256\"",
        "\"publicKey\"",
        "\"name\"",
        "\"contentIds\"",
        "\"contentId\"",
        "\"terminalId\"",
        "\"nonce\"",
        "\"enabled\"",
        "\"interval\"",
        "\"PT2S\"",
        "\"policy\"",
        "\"ALL\"",
        "\"demographics\"",
        "\"validFrom\"",
        "\"2030-01-31T12:00:00Z\""
    })
    void strictReading(FuzzedDataProvider data) {
        Class<?> type = TYPES.get(Byte.toUnsignedInt(data.consumeByte()) % TYPES.size());
        byte[] body = data.consumeRemainingAsBytes();
        try {
            assertNotNull(StrictJsonReader.bind(body, type, JSONB));
        } catch (JsonBodyException e) {
            assertNotNull(e.code());
            assertTrue(e.detail() != null && !e.detail().isBlank(), "a refusal says why");
            assertFalse(JAVA_NAME.matcher(e.detail()).find(), "internal name in: " + e.detail());
            if (e.errors() != null) {
                for (Problem.FieldError error : e.errors()) {
                    assertFalse(JAVA_NAME.matcher(error.message()).find(), "internal name in: " + error);
                }
            }
        }
    }
}
