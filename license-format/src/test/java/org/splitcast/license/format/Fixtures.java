package org.splitcast.license.format;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.splitcast.crypto.CryptoProvider;

/**
 * Keys and licenses for the tests, generated once per JVM (RSA 3072 generation is slow): the
 * server's signing keys, one terminal of every key type, and a helper that issues a license the
 * way the server does (steps 142 + 144).
 */
final class Fixtures {

    static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    static final CryptoProvider BC = CryptoProvider.bouncyCastle();

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant ACCESS_EXPIRES = NOW.plusSeconds(24 * 3600);
    static final Instant GRANT_EXPIRES = NOW.plusSeconds(4 * 3600);
    static final AccessRules RULES = new AccessRules(3, 48, false);
    static final String CONTENT = "big-buck-bunny";
    static final String CONTENT_KEY_ID = "kc-0001";

    /** The terminal key types of docs §3.2, RSA at both usual sizes. */
    enum TerminalKind {
        AES_256,
        RSA_2048,
        RSA_3072,
        EC_P256,
        X25519
    }

    /** A registered terminal: what the server knows and what the terminal holds. */
    record Terminal(String id, TerminalKind kind, TerminalKey serverSide, TerminalSecret terminalSide) {}

    static final Map<SignatureAlgorithm, SigningKey> SIGNING_KEYS = new EnumMap<>(SignatureAlgorithm.class);
    static final Map<TerminalKind, Terminal> TERMINALS = new EnumMap<>(TerminalKind.class);
    static final KeySet KEY_SET;

    static {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            KeyPair pair = algorithm.generateKeyPair(CRYPTO);
            SIGNING_KEYS.put(
                    algorithm,
                    new SigningKey(
                            "ls-" + algorithm.jwsName().toLowerCase() + "-1",
                            algorithm,
                            pair.getPrivate(),
                            pair.getPublic()));
        }
        KEY_SET = KeySet.of(
                SIGNING_KEYS.values().stream().map(SigningKey::verificationKey).toList());
        for (TerminalKind kind : TerminalKind.values()) {
            TERMINALS.put(kind, newTerminal("tv-" + kind.name().toLowerCase().replace('_', '-'), kind));
        }
    }

    private Fixtures() {}

    static Terminal terminal(TerminalKind kind) {
        return TERMINALS.get(kind);
    }

    static SigningKey signingKey(SignatureAlgorithm algorithm) {
        return SIGNING_KEYS.get(algorithm);
    }

    /** A new terminal with a fresh key of {@code kind}. */
    static Terminal newTerminal(String id, TerminalKind kind) {
        if (kind == TerminalKind.AES_256) {
            byte[] kt = CRYPTO.randomBytes(32);
            return new Terminal(id, kind, new TerminalKey.Symmetric(kt), new TerminalSecret.Symmetric(kt.clone()));
        }
        KeyPair pair = keyPair(kind);
        return new Terminal(
                id, kind, new TerminalKey.Public(pair.getPublic()), new TerminalSecret.Private(pair.getPrivate()));
    }

    static KeyPair keyPair(TerminalKind kind) {
        try {
            KeyPairGenerator generator;
            switch (kind) {
                case RSA_2048, RSA_3072 -> {
                    generator = BC.keyPairGenerator("RSA");
                    generator.initialize(kind == TerminalKind.RSA_2048 ? 2048 : 3072);
                }
                case EC_P256 -> {
                    generator = BC.keyPairGenerator("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                }
                case X25519 -> generator = BC.keyPairGenerator("X25519");
                default -> throw new IllegalArgumentException(kind.name());
            }
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A license as the server issues it, and the request it answers. */
    record Issued(License license, String nonce, byte[] contentKey, AccessBlock access) {}

    static Issued issue(Terminal terminal, SignatureAlgorithm algorithm) {
        return issue(terminal, signingKey(algorithm), CRYPTO);
    }

    static Issued issue(Terminal terminal, SigningKey signingKey, CryptoProvider crypto) {
        byte[] kc = crypto.randomBytes(32);
        AccessBlock access = new AccessBlockComposer(crypto)
                .compose(
                        CONTENT,
                        terminal.id(),
                        CONTENT_KEY_ID,
                        kc,
                        terminal.serverSide(),
                        RULES,
                        NOW.minusSeconds(3600),
                        ACCESS_EXPIRES,
                        signingKey);
        String nonce = Nonces.generate(crypto);
        String grant = new GrantComposer(crypto)
                .compose(
                        access.compact(),
                        grantKey(terminal, access, crypto),
                        "lic-" + nonce.substring(0, 8),
                        nonce,
                        NOW,
                        NOW,
                        GRANT_EXPIRES);
        License license = new License(
                License.FORMAT,
                "lic-" + nonce.substring(0, 8),
                CONTENT,
                terminal.id(),
                CONTENT_KEY_ID,
                access.compact(),
                grant);
        return new Issued(license, nonce, kc, access);
    }

    /** Km as the server finds it: stored with the block, or derived from KT. */
    static byte[] grantKey(Terminal terminal, AccessBlock access, CryptoProvider crypto) {
        if (terminal.serverSide() instanceof TerminalKey.Symmetric symmetric) {
            return GrantKeys.fromTerminalKey(symmetric.kt(), crypto);
        }
        return access.grantKey();
    }

    static LicenseVerifier verifier() {
        return new LicenseVerifier(KEY_SET, CRYPTO, LicenseVerifier.DEFAULT_CLOCK_SKEW);
    }

    /** The forms a leaked key would take in a message. */
    static List<String> encodings(byte[] key) {
        return List.of(
                java.util.Base64.getEncoder().encodeToString(key),
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key),
                HexFormat.of().formatHex(key),
                HexFormat.of().withUpperCase().formatHex(key));
    }
}
