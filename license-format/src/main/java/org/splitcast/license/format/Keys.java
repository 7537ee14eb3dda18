package org.splitcast.license.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;

/**
 * What kind a key is (independently of the provider that made it), and the JWK members of public
 * keys (RFC 7517/7518/8037). BouncyCastle's ASN.1 classes build SubjectPublicKeyInfo structures
 * that the provider's key factories then check (a P-256 point must be on the curve).
 */
final class Keys {

    static final int MIN_RSA_BITS = 2048;
    static final int COORDINATE_BYTES = 32;

    /** The kinds of key the format knows. */
    enum Kind {
        RSA,
        P256,
        ED25519,
        X25519,
        OTHER
    }

    private static final BigInteger P256_P =
            new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger P256_N =
            new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
    private static final BigInteger P256_B =
            new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    private Keys() {}

    /** The kind of a public or private key; RSA whatever its size (see {@link #rsaBits}). */
    static Kind kind(Key key) {
        if (key instanceof RSAKey) {
            return Kind.RSA;
        }
        if (key instanceof ECKey ec) {
            return isP256(ec.getParams()) ? Kind.P256 : Kind.OTHER;
        }
        if (key instanceof EdECKey ed) {
            return named(ed.getParams(), "Ed25519") ? Kind.ED25519 : Kind.OTHER;
        }
        if (key instanceof XECKey xec) {
            return xec.getParams() instanceof NamedParameterSpec named
                            && named.getName().equalsIgnoreCase("X25519")
                    ? Kind.X25519
                    : Kind.OTHER;
        }
        String algorithm = key.getAlgorithm() == null ? "" : key.getAlgorithm().toUpperCase(Locale.ROOT);
        return switch (algorithm) {
            case "ED25519" -> Kind.ED25519;
            case "X25519" -> Kind.X25519;
            default -> Kind.OTHER;
        };
    }

    static int rsaBits(Key key) {
        return ((RSAKey) key).getModulus().bitLength();
    }

    private static boolean named(NamedParameterSpec spec, String name) {
        return spec != null && spec.getName().equalsIgnoreCase(name);
    }

    private static boolean isP256(ECParameterSpec params) {
        return params != null
                && params.getCurve().getField() instanceof ECFieldFp field
                && field.getP().equals(P256_P)
                && params.getOrder().equals(P256_N)
                && params.getCurve().getB().equals(P256_B)
                && params.getCofactor() == 1;
    }

    /** The 32 raw bytes of an Ed25519 or X25519 public key (RFC 8410: the BIT STRING). */
    static byte[] rawOkp(PublicKey key) {
        byte[] raw = SubjectPublicKeyInfo.getInstance(key.getEncoded())
                .getPublicKeyData()
                .getOctets();
        if (raw.length != COORDINATE_BYTES) {
            throw new CryptoException("unexpected " + key.getAlgorithm() + " public key length " + raw.length);
        }
        return raw;
    }

    /** Unsigned big-endian, left-padded to {@code length} bytes. */
    static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length == length) {
            return bytes;
        }
        if (bytes.length == length + 1 && bytes[0] == 0) {
            return Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length > length) {
            throw new IllegalArgumentException("value longer than " + length + " bytes");
        }
        byte[] padded = new byte[length];
        System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
        return padded;
    }

    /** Unsigned big-endian without leading zero bytes (RFC 7518 §6.3.1 for n and e). */
    static byte[] minimalUnsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    // --- JWK members of public keys ---

    /** Adds kty, crv and the coordinates (or n and e) of {@code key} to {@code jwk}. */
    static ObjectNode putPublicMembers(ObjectNode jwk, PublicKey key) {
        switch (kind(key)) {
            case RSA -> {
                RSAPublicKey rsa = (RSAPublicKey) key;
                jwk.put("kty", "RSA");
                jwk.put("n", Base64Url.encode(minimalUnsigned(rsa.getModulus())));
                jwk.put("e", Base64Url.encode(minimalUnsigned(rsa.getPublicExponent())));
            }
            case P256 -> {
                ECPublicKey ec = (ECPublicKey) key;
                jwk.put("kty", "EC");
                jwk.put("crv", "P-256");
                jwk.put("x", Base64Url.encode(unsigned(ec.getW().getAffineX(), COORDINATE_BYTES)));
                jwk.put("y", Base64Url.encode(unsigned(ec.getW().getAffineY(), COORDINATE_BYTES)));
            }
            case ED25519 -> {
                jwk.put("kty", "OKP");
                jwk.put("crv", "Ed25519");
                jwk.put("x", Base64Url.encode(rawOkp(key)));
            }
            case X25519 -> {
                jwk.put("kty", "OKP");
                jwk.put("crv", "X25519");
                jwk.put("x", Base64Url.encode(rawOkp(key)));
            }
            default -> throw new IllegalArgumentException("no JWK for a " + key.getAlgorithm() + " key");
        }
        return jwk;
    }

    /**
     * The public key of a JWK: RSA, EC P-256, OKP Ed25519 or OKP X25519.
     *
     * @throws IllegalArgumentException if the members are missing, malformed, or not a valid key
     */
    static PublicKey publicKey(JsonNode jwk, CryptoProvider crypto) {
        String kty = Json.requiredString(jwk, "kty");
        try {
            switch (kty) {
                case "RSA" -> {
                    BigInteger n = new BigInteger(1, Base64Url.decode(Json.requiredString(jwk, "n")));
                    BigInteger e = new BigInteger(1, Base64Url.decode(Json.requiredString(jwk, "e")));
                    return crypto.keyFactory("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                }
                case "EC" -> {
                    String crv = Json.requiredString(jwk, "crv");
                    if (!crv.equals("P-256")) {
                        throw new IllegalArgumentException("EC curve '" + crv + "' is not P-256");
                    }
                    byte[] x = Base64Url.decode(Json.requiredString(jwk, "x"));
                    byte[] y = Base64Url.decode(Json.requiredString(jwk, "y"));
                    if (x.length != COORDINATE_BYTES || y.length != COORDINATE_BYTES) {
                        throw new IllegalArgumentException("P-256 coordinates must be 32 bytes each");
                    }
                    byte[] point = new byte[1 + 2 * COORDINATE_BYTES];
                    point[0] = 0x04;
                    System.arraycopy(x, 0, point, 1, COORDINATE_BYTES);
                    System.arraycopy(y, 0, point, 1 + COORDINATE_BYTES, COORDINATE_BYTES);
                    AlgorithmIdentifier id =
                            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1);
                    return crypto.keyFactory("EC").generatePublic(spki(id, point));
                }
                case "OKP" -> {
                    String crv = Json.requiredString(jwk, "crv");
                    byte[] x = Base64Url.decode(Json.requiredString(jwk, "x"));
                    if (x.length != COORDINATE_BYTES) {
                        throw new IllegalArgumentException(crv + " key must be 32 bytes");
                    }
                    return switch (crv) {
                        case "Ed25519" -> crypto.keyFactory("Ed25519")
                                .generatePublic(spki(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), x));
                        case "X25519" -> crypto.keyFactory("X25519")
                                .generatePublic(spki(new AlgorithmIdentifier(EdECObjectIdentifiers.id_X25519), x));
                        default -> throw new IllegalArgumentException("OKP curve '" + crv + "' is not supported");
                    };
                }
                default -> throw new IllegalArgumentException("key type '" + kty + "' is not supported");
            }
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("invalid " + kty + " public key");
        }
    }

    private static X509EncodedKeySpec spki(AlgorithmIdentifier id, byte[] key) throws IOException {
        return new X509EncodedKeySpec(new SubjectPublicKeyInfo(id, key).getEncoded("DER"));
    }
}
