package org.splitcast.license.signing;

import java.util.Locale;
import org.splitcast.license.format.SignatureAlgorithm;

/** Names of the signature algorithms, as configured and as stored. */
final class SigningAlgorithms {

    private SigningAlgorithms() {}

    /** {@code PS256}, {@code ES256} or {@code EdDSA}, case-insensitively. */
    static SignatureAlgorithm parse(String name) {
        for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
            if (a.jwsName().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown signature algorithm '" + name + "': use PS256, ES256 or EdDSA");
    }

    /** The JCA key factory of the algorithm's keys. */
    static String keyFactoryName(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case PS256 -> "RSA";
            case ES256 -> "EC";
            case EdDSA -> "Ed25519";
        };
    }
}
