package org.splitcast.license.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.splitcast.license.format.Fixtures.Issued;
import org.splitcast.license.format.Fixtures.Terminal;
import org.splitcast.license.format.Fixtures.TerminalKind;

/**
 * The license verifier that the terminal SDK runs on every license it receives (docs/fuzzing.md).
 * A valid license of each terminal kind and signature algorithm is issued once; the fuzzer picks
 * one and forges it: its access block or grant replaced by fuzzer text, edited character by
 * character, or with one JWS part (header, payload) replaced by fuzzer bytes, base64url-encoded so
 * that the JSON parsers are reached. Property: the verifier throws {@link
 * LicenseRejectedException} (with a reason, its message never showing Kc), or accepts a license
 * whose content and Kc are the original's; never another exception, a hang or another key.
 */
class LicenseVerifierFuzzTest {

    private record Case(Terminal terminal, Issued issued) {}

    private static final List<Case> CASES = new ArrayList<>();

    static {
        for (TerminalKind kind : List.of(TerminalKind.AES_256, TerminalKind.EC_P256, TerminalKind.X25519)) {
            for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
                Terminal terminal = Fixtures.terminal(kind);
                CASES.add(new Case(terminal, Fixtures.issue(terminal, algorithm)));
            }
        }
    }

    private final LicenseVerifier verifier = Fixtures.verifier();

    @FuzzTest
    @Timeout(10)
    void verifyForgedLicense(FuzzedDataProvider data) {
        Case c = CASES.get(data.consumeInt(0, CASES.size() - 1));
        License original = c.issued().license();
        boolean onAccess = data.consumeBoolean();
        String field = onAccess ? original.access() : original.grant();
        String forged =
                switch (data.consumeInt(0, 2)) {
                    case 0 -> data.consumeString(4096);
                    case 1 -> edit(field, data);
                    default -> replacePart(field, data);
                };
        License license = new License(
                original.format(),
                original.licenseId(),
                original.contentId(),
                original.terminalId(),
                original.keyId(),
                onAccess ? forged : original.access(),
                onAccess ? original.grant() : forged);
        try {
            VerifiedLicense verified = verifier.verify(
                    license,
                    c.terminal().id(),
                    c.terminal().terminalSide(),
                    Fixtures.CONTENT,
                    c.issued().nonce(),
                    Fixtures.NOW);
            assertEquals(Fixtures.CONTENT, verified.contentId());
            assertArrayEquals(c.issued().contentKey(), verified.contentKey(), "accepted with another key");
        } catch (LicenseRejectedException e) {
            assertNotNull(e.reason());
            for (String form : Fixtures.encodings(c.issued().contentKey())) {
                assertFalse(e.getMessage().contains(form), "the message shows Kc");
            }
        }
    }

    /** 1 to 8 single-character edits. */
    private static String edit(String field, FuzzedDataProvider data) {
        StringBuilder s = new StringBuilder(field);
        int edits = data.consumeInt(1, 8);
        for (int i = 0; i < edits && !s.isEmpty(); i++) {
            int at = data.consumeInt(0, s.length() - 1);
            switch (data.consumeInt(0, 2)) {
                case 0 -> s.setCharAt(at, data.consumeChar());
                case 1 -> s.deleteCharAt(at);
                default -> s.insert(at, data.consumeChar());
            }
        }
        return s.toString();
    }

    /** One of the compact JWS's parts replaced by the fuzzer's bytes, base64url without padding. */
    private static String replacePart(String field, FuzzedDataProvider data) {
        String[] parts = field.split("\\.", -1);
        int part = data.consumeInt(0, Math.max(0, parts.length - 1));
        byte[] bytes = data.consumeBytes(4096);
        if (data.consumeBoolean() && part < parts.length) {
            // keep the JSON shape of the original, change one member's value
            String json = new String(Base64.getUrlDecoder().decode(parts[part]), StandardCharsets.UTF_8);
            bytes = json.replaceFirst(
                            ":\"[^\"]*\"", ":\"" + new String(bytes, StandardCharsets.UTF_8).replace("\"", "") + "\"")
                    .getBytes(StandardCharsets.UTF_8);
        }
        parts[part] = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return String.join(".", parts);
    }
}
