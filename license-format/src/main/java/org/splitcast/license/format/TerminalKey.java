package org.splitcast.license.format;

import java.security.PublicKey;
import java.util.Arrays;
import org.splitcast.crypto.PublicKeyKind;

/**
 * The terminal's key as the server knows it, which decides how Kc is wrapped (docs §3.2): a
 * symmetric KT ({@code A256KW}) or a registered public key ({@code RSA-OAEP-256} or {@code
 * ECDH-ES+A256KW}).
 */
public sealed interface TerminalKey {

    /**
     * A 32-byte AES key KT shared with the terminal. The record holds the caller's array (not a
     * copy), so that wiping it after use wipes the only copy; {@link #toString()} never shows it.
     */
    record Symmetric(byte[] kt) implements TerminalKey {

        public Symmetric {
            if (kt == null || kt.length != GrantKeys.KEY_BYTES) {
                throw new IllegalArgumentException("a symmetric terminal key KT is " + GrantKeys.KEY_BYTES + " bytes");
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Symmetric that && java.security.MessageDigest.isEqual(kt, that.kt);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(kt);
        }

        @Override
        public String toString() {
            return "TerminalKey.Symmetric[kt=(hidden)]";
        }
    }

    /**
     * A registered public key: RSA of at least 2048 bits, EC P-256, or X25519.
     *
     * @throws IllegalArgumentException for any other key
     */
    record Public(PublicKey publicKey) implements TerminalKey {

        public Public {
            kindOf(publicKey);
        }

        /** Which of the accepted kinds the key is. */
        public PublicKeyKind kind() {
            return kindOf(publicKey);
        }

        private static PublicKeyKind kindOf(PublicKey key) {
            if (key == null) {
                throw new IllegalArgumentException("no terminal public key");
            }
            return switch (Keys.kind(key)) {
                case RSA -> {
                    if (Keys.rsaBits(key) < Keys.MIN_RSA_BITS) {
                        throw new IllegalArgumentException("terminal RSA key of " + Keys.rsaBits(key)
                                + " bits; at least " + Keys.MIN_RSA_BITS + " required");
                    }
                    yield PublicKeyKind.RSA;
                }
                case P256 -> PublicKeyKind.EC_P256;
                case X25519 -> PublicKeyKind.X25519;
                default -> throw new IllegalArgumentException("unsupported terminal key " + key.getAlgorithm()
                        + " (RSA >= " + Keys.MIN_RSA_BITS + " bits, EC P-256, X25519)");
            };
        }
    }
}
