package org.splitcast.license.format;

import java.security.PrivateKey;
import org.splitcast.crypto.PublicKeyKind;

/** The terminal's key as the terminal holds it: KT, or the private half of its registered key. */
public sealed interface TerminalSecret {

    /**
     * The 32-byte AES key KT. The record holds the caller's array (not a copy): {@link #wipe()}
     * overwrites it; {@link #toString()} never shows it.
     */
    record Symmetric(byte[] kt) implements TerminalSecret {

        public Symmetric {
            if (kt == null || kt.length != GrantKeys.KEY_BYTES) {
                throw new IllegalArgumentException("a symmetric terminal key KT is " + GrantKeys.KEY_BYTES + " bytes");
            }
        }

        /** Overwrites KT in this object once the terminal no longer needs it. */
        public void wipe() {
            java.util.Arrays.fill(kt, (byte) 0);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Symmetric that && java.security.MessageDigest.isEqual(kt, that.kt);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(kt);
        }

        @Override
        public String toString() {
            return "TerminalSecret.Symmetric[kt=(hidden)]";
        }
    }

    /**
     * The terminal's private key: RSA (at least 2048 bits), EC P-256 or X25519.
     *
     * @throws IllegalArgumentException for any other key
     */
    record Private(PrivateKey privateKey) implements TerminalSecret {

        public Private {
            kindOf(privateKey);
        }

        /** Which of the accepted kinds the key is. */
        public PublicKeyKind kind() {
            return kindOf(privateKey);
        }

        private static PublicKeyKind kindOf(PrivateKey key) {
            if (key == null) {
                throw new IllegalArgumentException("no terminal private key");
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

        @Override
        public String toString() {
            return "TerminalSecret.Private[" + kindOf(privateKey) + ", key=(hidden)]";
        }
    }
}
