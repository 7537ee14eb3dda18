package org.splitcast.benchmarks.license;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.PublicKeyCodec;
import org.splitcast.license.format.AccessBlock;
import org.splitcast.license.format.AccessBlockComposer;
import org.splitcast.license.format.AccessRules;
import org.splitcast.license.format.GrantComposer;
import org.splitcast.license.format.GrantKeys;
import org.splitcast.license.format.KeySet;
import org.splitcast.license.format.License;
import org.splitcast.license.format.SignatureAlgorithm;
import org.splitcast.license.format.SigningKey;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.license.format.TerminalSecret;

/**
 * One server signing key, one terminal and one content key, and the two ways the server issues a
 * license for them, done the way ejb-license does (AccessComputation, DefaultLicenseIssuer) minus
 * the database and the key vault: the signing key is read back from PKCS#8 through the provider's
 * key factory, as the server opens it; an EC terminal's public key is parsed from its PEM on
 * every miss, as the server does. Thread-safe after construction.
 */
public final class Issuer {

    /** The moment every license is issued at: fixed, so that results do not depend on the clock. */
    public static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    static final String CONTENT_ID = "bench-content";
    static final String CONTENT_KEY_ID = "kc-bench-1";
    static final String LICENSE_ID = "lic-bench-1";
    /** 16 bytes, base64url without padding: a valid request nonce. */
    static final String NONCE = "q0sQ0mG0s3Qm0W6qvY0hWQ";

    private static final AccessRules RULES = new AccessRules(null, null, false);
    private static final Instant ACCESS_EXPIRES = NOW.plusSeconds(24 * 3600);
    private static final Instant LICENSE_EXPIRES = NOW.plusSeconds(3600);

    /** The terminal key types measured: a symmetric KT, and a public key (ECDH-ES wrap). */
    public enum TerminalKind {
        AES_256,
        EC_P256
    }

    private final CryptoProvider crypto;
    private final SigningKey signingKey;
    private final String terminalId;
    private final byte[] kt;
    private final String terminalPem;
    private final TerminalSecret terminalSecret;
    private final byte[] contentKey;
    private final AccessBlockComposer composer;
    private final GrantComposer grants;

    public Issuer(CryptoProvider crypto, SignatureAlgorithm algorithm, TerminalKind terminal) {
        this.crypto = crypto;
        this.signingKey = signingKey(crypto, algorithm);
        this.terminalId = "bench-tv-" + terminal.name().toLowerCase(Locale.ROOT).replace('_', '-');
        this.contentKey = crypto.randomBytes(GrantKeys.KEY_BYTES);
        this.composer = new AccessBlockComposer(crypto);
        this.grants = new GrantComposer(crypto);
        if (terminal == TerminalKind.AES_256) {
            this.kt = crypto.randomBytes(GrantKeys.KEY_BYTES);
            this.terminalPem = null;
            this.terminalSecret = new TerminalSecret.Symmetric(kt.clone());
        } else {
            KeyPair pair = terminalKeyPair();
            this.kt = null;
            this.terminalPem = PublicKeyCodec.toPem(pair.getPublic().getEncoded());
            this.terminalSecret = new TerminalSecret.Private(pair.getPrivate());
        }
    }

    /**
     * The provider of a benchmark parameter: {@code native} is {@link CryptoProvider#getDefault()},
     * which must then be the native one (a table saying "native" over BouncyCastle would lie);
     * {@code bouncycastle} is BouncyCastle alone, as with {@code -Dsplitcast.crypto.native=false}.
     */
    public static CryptoProvider provider(String name) {
        return switch (name) {
            case "native" -> {
                CryptoProvider provider = CryptoProvider.getDefault();
                if (!provider.nativeAccelerated()) {
                    throw new IllegalStateException("the native provider is not in use here: " + provider.name());
                }
                yield provider;
            }
            case "bouncycastle" -> CryptoProvider.bouncyCastle();
            default -> throw new IllegalArgumentException("crypto is native or bouncycastle, not " + name);
        };
    }

    /** A miss: the access block computed (step 142), then the grant (step 144). */
    public License miss() {
        AccessBlock block = accessBlock();
        return license(block.compact(), block.grantKey());
    }

    /** A hit: the grant alone (step 144) for an access block found in the store. */
    public License hit(AccessBlock stored) {
        return license(stored.compact(), stored.grantKey());
    }

    /** Step 142: Kc wrapped for the terminal and signed; what the store holds. */
    public AccessBlock accessBlock() {
        TerminalKey terminalKey = kt != null
                ? new TerminalKey.Symmetric(kt)
                : new TerminalKey.Public(
                        new PublicKeyCodec(crypto).parse(terminalPem).key());
        return composer.compose(
                CONTENT_ID,
                terminalId,
                CONTENT_KEY_ID,
                contentKey,
                terminalKey,
                RULES,
                NOW,
                ACCESS_EXPIRES,
                signingKey);
    }

    private License license(String access, byte[] storedGrantKey) {
        // Km: stored with the block for a public-key terminal, derived from KT for a symmetric one
        byte[] grantKey = storedGrantKey != null ? storedGrantKey : GrantKeys.fromTerminalKey(kt, crypto);
        String grant = grants.compose(access, grantKey, LICENSE_ID, NONCE, NOW, NOW, LICENSE_EXPIRES);
        return new License(License.FORMAT, LICENSE_ID, CONTENT_ID, terminalId, CONTENT_KEY_ID, access, grant);
    }

    public String terminalId() {
        return terminalId;
    }

    public TerminalSecret terminalSecret() {
        return terminalSecret;
    }

    public byte[] contentKey() {
        return contentKey.clone();
    }

    /** The key set a terminal would fetch: this issuer's signing key. */
    public KeySet keySet() {
        return KeySet.of(List.of(signingKey.verificationKey()));
    }

    public CryptoProvider crypto() {
        return crypto;
    }

    /** A new signing key, generated and then read back from its encodings, as LicenseSigningKeys does. */
    private static SigningKey signingKey(CryptoProvider crypto, SignatureAlgorithm algorithm) {
        KeyPair pair = algorithm.generateKeyPair(crypto);
        String factoryName =
                switch (algorithm) {
                    case PS256 -> "RSA";
                    case ES256 -> "EC";
                    case EdDSA -> "Ed25519";
                };
        try {
            KeyFactory factory = crypto.keyFactory(factoryName);
            PrivateKey privateKey = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));
            PublicKey publicKey = factory.generatePublic(
                    new X509EncodedKeySpec(pair.getPublic().getEncoded()));
            return new SigningKey(
                    "ls-bench-" + algorithm.jwsName().toLowerCase(Locale.ROOT), algorithm, privateKey, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read back the " + algorithm.jwsName() + " signing key", e);
        }
    }

    /** A terminal's P-256 key pair, made by BouncyCastle as a terminal SDK would. */
    private static KeyPair terminalKeyPair() {
        try {
            KeyPairGenerator generator = CryptoProvider.bouncyCastle().keyPairGenerator("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a P-256 terminal key", e);
        }
    }
}
