package org.splitcast.license.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.NamedParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;

/**
 * The wrapped key of docs §3.2: {@code A256KW} (RFC 3394) under KT, {@code RSA-OAEP-256}, and
 * {@code ECDH-ES+A256KW} (RFC 7518 §4.6) on P-256 or X25519 with PartyVInfo = terminal id.
 */
final class KeyWrap {

    static final String A256KW = "A256KW";
    static final String RSA_OAEP_256 = "RSA-OAEP-256";
    static final String ECDH_ES_A256KW = "ECDH-ES+A256KW";

    /**
     * RSAES-OAEP with SHA-256 and MGF1-SHA-256, empty label. Explicit: the JDK's
     * "OAEPWithSHA-256AndMGF1Padding" would use MGF1 with SHA-1.
     */
    static final OAEPParameterSpec OAEP =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

    private static final byte[] ALGORITHM_ID = ECDH_ES_A256KW.getBytes(StandardCharsets.US_ASCII);
    private static final int KEK_BITS = 256;

    private KeyWrap() {}

    /** A terminal key that cannot unwrap this block; the message names no key bytes. */
    static final class UnwrapException extends Exception {

        private static final long serialVersionUID = 1L;

        UnwrapException(String message) {
            super(message);
        }
    }

    // --- server side ---

    /**
     * The {@code wrap} object for {@code material} (Kc, or Kc || Km for a public-key terminal).
     */
    static ObjectNode wrap(TerminalKey terminalKey, byte[] material, String terminalId, CryptoProvider crypto) {
        ObjectNode wrap = Json.object();
        if (terminalKey instanceof TerminalKey.Symmetric symmetric) {
            wrap.put("alg", A256KW);
            wrap.put("key", Base64Url.encode(aesWrap(symmetric.kt(), material, crypto)));
            return wrap;
        }
        PublicKey publicKey = ((TerminalKey.Public) terminalKey).publicKey();
        switch (Keys.kind(publicKey)) {
            case RSA -> {
                wrap.put("alg", RSA_OAEP_256);
                wrap.put("key", Base64Url.encode(rsaOaep(Cipher.ENCRYPT_MODE, publicKey, material, crypto)));
            }
            case P256, X25519 -> {
                boolean p256 = Keys.kind(publicKey) == Keys.Kind.P256;
                KeyPair ephemeral = ephemeral(p256, crypto);
                byte[] z = agree(p256, ephemeral.getPrivate(), publicKey, crypto);
                byte[] kek = null;
                try {
                    kek = concatKdf(z, terminalId, crypto);
                    wrap.put("alg", ECDH_ES_A256KW);
                    wrap.set("epk", Keys.putPublicMembers(Json.object(), ephemeral.getPublic()));
                    wrap.put("key", Base64Url.encode(aesWrap(kek, material, crypto)));
                } finally {
                    SecretKeys.wipe(z);
                    SecretKeys.wipe(kek);
                }
            }
            default -> throw new IllegalArgumentException("unsupported terminal key " + publicKey.getAlgorithm());
        }
        return wrap;
    }

    private static KeyPair ephemeral(boolean p256, CryptoProvider crypto) {
        try {
            KeyPairGenerator generator;
            if (p256) {
                generator = crypto.keyPairGenerator("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), crypto.secureRandom());
            } else {
                generator = crypto.keyPairGenerator("X25519");
                generator.initialize(NamedParameterSpec.X25519, crypto.secureRandom());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot generate an ephemeral " + (p256 ? "P-256" : "X25519") + " key", e);
        }
    }

    // --- terminal side ---

    /**
     * The key material unwrapped with the terminal's key: Kc (32 bytes) for a symmetric terminal,
     * Kc || Km (64 bytes) for a public-key terminal.
     *
     * @throws UnwrapException if the key does not fit the block or does not unwrap it
     * @throws IllegalArgumentException if the {@code wrap} object is malformed
     */
    static byte[] unwrap(JsonNode wrap, TerminalSecret secret, String terminalId, CryptoProvider crypto)
            throws UnwrapException {
        int expected = secret instanceof TerminalSecret.Symmetric ? GrantKeys.KEY_BYTES : 2 * GrantKeys.KEY_BYTES;
        return unwrap(wrap, secret, terminalId, expected, crypto);
    }

    /**
     * The key material unwrapped with the terminal's key, which must be {@code expected} bytes
     * long (the same algorithms for any wrapped material: Kc here, a multicast session key SK in
     * {@link TerminalKeyWrapping}).
     *
     * @throws UnwrapException if the key does not fit the block or does not unwrap it
     * @throws IllegalArgumentException if the {@code wrap} object is malformed
     */
    static byte[] unwrap(JsonNode wrap, TerminalSecret secret, String terminalId, int expected, CryptoProvider crypto)
            throws UnwrapException {
        String alg = Json.requiredString(wrap, "alg");
        byte[] wrapped = Base64Url.decode(Json.requiredString(wrap, "key"));
        byte[] material;
        if (secret instanceof TerminalSecret.Symmetric symmetric) {
            requireAlg(alg, A256KW, "a symmetric terminal key");
            material = aesUnwrap(symmetric.kt(), wrapped, crypto);
        } else {
            PrivateKey key = ((TerminalSecret.Private) secret).privateKey();
            Keys.Kind kind = Keys.kind(key);
            if (kind == Keys.Kind.RSA) {
                requireAlg(alg, RSA_OAEP_256, "an RSA terminal key");
                try {
                    material = rsaOaep(Cipher.DECRYPT_MODE, key, wrapped, crypto);
                } catch (CryptoException e) {
                    throw new UnwrapException("RSA-OAEP-256 decryption failed (another terminal's key?)");
                }
            } else {
                boolean p256 = kind == Keys.Kind.P256;
                requireAlg(alg, ECDH_ES_A256KW, p256 ? "a P-256 terminal key" : "an X25519 terminal key");
                PublicKey epk = Keys.publicKey(Json.requiredObject(wrap, "epk"), crypto);
                if (Keys.kind(epk) != kind) {
                    throw new UnwrapException("the ephemeral key 'epk' is not on the terminal key's curve");
                }
                byte[] z;
                try {
                    z = agree(p256, key, epk, crypto);
                } catch (CryptoException e) {
                    throw new UnwrapException("ECDH with the ephemeral key failed");
                }
                byte[] kek = concatKdf(z, terminalId, crypto);
                try {
                    material = aesUnwrap(kek, wrapped, crypto);
                } finally {
                    SecretKeys.wipe(z);
                    SecretKeys.wipe(kek);
                }
            }
        }
        if (material == null) {
            throw new UnwrapException(alg + " unwrap failed: integrity check (another terminal's key?)");
        }
        if (material.length != expected) {
            SecretKeys.wipe(material);
            throw new UnwrapException("unwrapped key material of unexpected length");
        }
        return material;
    }

    private static void requireAlg(String alg, String expected, String what) throws UnwrapException {
        if (!alg.equals(expected)) {
            throw new UnwrapException("the key is wrapped with '" + alg + "', which " + what + " cannot unwrap");
        }
    }

    // --- primitives ---

    /**
     * The KEK of ECDH-ES+A256KW: Concat KDF (RFC 7518 §4.6.2) with SHA-256 in one round, {@code
     * SHA-256(00000001 || Z || len(A) || A || len(U) || U || len(V) || V || 00000100)}, A =
     * "ECDH-ES+A256KW", U empty, V = the UTF-8 terminal id.
     */
    static byte[] concatKdf(byte[] z, String terminalId, CryptoProvider crypto) {
        byte[] partyV = terminalId.getBytes(StandardCharsets.UTF_8);
        MessageDigest sha256 = crypto.messageDigest("SHA-256");
        sha256.update(int32(1));
        sha256.update(z);
        sha256.update(int32(ALGORITHM_ID.length));
        sha256.update(ALGORITHM_ID);
        sha256.update(int32(0));
        sha256.update(int32(partyV.length));
        sha256.update(partyV);
        sha256.update(int32(KEK_BITS));
        return sha256.digest();
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    /** Z: the P-256 x coordinate (32 bytes) or the X25519 output; never all zeros. */
    private static byte[] agree(boolean p256, PrivateKey privateKey, PublicKey publicKey, CryptoProvider crypto) {
        String algorithm = p256 ? "ECDH" : "X25519";
        byte[] z;
        try {
            KeyAgreement agreement = crypto.keyAgreement(algorithm);
            agreement.init(privateKey);
            agreement.doPhase(publicKey, true);
            z = agreement.generateSecret();
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new CryptoException(algorithm + " key agreement failed", e);
        }
        int acc = 0;
        for (byte b : z) {
            acc |= b;
        }
        if (z.length != 32 || acc == 0) {
            throw new CryptoException(algorithm + " key agreement gave an invalid shared secret");
        }
        return z;
    }

    static byte[] aesWrap(byte[] kek, byte[] material, CryptoProvider crypto) {
        try {
            Cipher cipher = crypto.cipher("AESWrap");
            cipher.init(Cipher.WRAP_MODE, new SecretKeySpec(kek, "AES"));
            return cipher.wrap(new SecretKeySpec(material, "AES"));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES key wrap (RFC 3394) failed", e);
        }
    }

    /** The unwrapped bytes, or null when the RFC 3394 integrity check fails. */
    static byte[] aesUnwrap(byte[] kek, byte[] wrapped, CryptoProvider crypto) {
        if (wrapped.length < 24 || wrapped.length % 8 != 0) {
            return null;
        }
        try {
            Cipher cipher = crypto.cipher("AESWrap");
            cipher.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
            Key key = cipher.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
            return key.getEncoded();
        } catch (java.security.InvalidKeyException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES key unwrap (RFC 3394) failed", e);
        }
    }

    private static byte[] rsaOaep(int mode, Key key, byte[] input, CryptoProvider crypto) {
        try {
            Cipher cipher = crypto.cipher("RSA/ECB/OAEPPadding");
            cipher.init(mode, key, OAEP);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(
                    "RSA-OAEP-256 " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption") + " failed", e);
        }
    }
}
