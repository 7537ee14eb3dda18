package org.splitcast.license.format;

import com.fasterxml.jackson.databind.JsonNode;
import org.splitcast.crypto.CryptoProvider;

/**
 * The license's key wrapping (docs/license-format.md §3.2) for key material other than Kc: the same
 * JSON {@code wrap} object ({@code A256KW} under KT, {@code RSA-OAEP-256}, or {@code ECDH-ES+A256KW}
 * on P-256 / X25519 with PartyVInfo = terminal id), so that a terminal unwraps a license's Kc and a
 * multicast session key SK (docs/live.md) with one piece of code. The material is 16 to 64 bytes,
 * a multiple of 8 (RFC 3394).
 */
public final class TerminalKeyWrapping {

    private TerminalKeyWrapping() {}

    /** A wrap object that only {@code terminalKey}'s holder can open, unwrapped or not. */
    public static final class UnwrapFailedException extends Exception {

        private static final long serialVersionUID = 1L;

        UnwrapFailedException(String message) {
            super(message);
        }
    }

    /**
     * The {@code wrap} object, as compact JSON text, carrying {@code material} for the terminal.
     *
     * @throws IllegalArgumentException if the material's length is not one AES key wrap accepts
     */
    public static String wrap(TerminalKey terminalKey, byte[] material, String terminalId, CryptoProvider crypto) {
        checkLength(material.length);
        Ids.require(terminalId, "terminalId");
        return Json.string(KeyWrap.wrap(terminalKey, material, terminalId, crypto));
    }

    /**
     * The material of a {@code wrap} object, which must be {@code expectedLength} bytes.
     *
     * @throws UnwrapFailedException if the terminal's key does not fit the object or does not
     *     unwrap it (another terminal's object, an altered object)
     * @throws IllegalArgumentException if the text is not a well-formed wrap object
     */
    public static byte[] unwrap(
            String wrapJson, TerminalSecret secret, String terminalId, int expectedLength, CryptoProvider crypto)
            throws UnwrapFailedException {
        checkLength(expectedLength);
        JsonNode wrap = Json.readObject(wrapJson, "the wrapped key");
        try {
            return KeyWrap.unwrap(wrap, secret, terminalId, expectedLength, crypto);
        } catch (KeyWrap.UnwrapException e) {
            throw new UnwrapFailedException(e.getMessage());
        }
    }

    private static void checkLength(int length) {
        if (length < 16 || length > 64 || length % 8 != 0) {
            throw new IllegalArgumentException("wrapped key material must be 16 to 64 bytes, a multiple of 8");
        }
    }
}
