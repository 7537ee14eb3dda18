package org.splitcast.terminal.sdk;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.license.format.GrantKeys;
import org.splitcast.license.format.TerminalSecret;

/**
 * Reads a terminal's key file: either the base64 of its 32-byte AES key KT (the {@code
 * provisioningKey} the server returned once, at registration, for an {@code AES_256} terminal), or
 * the PEM private key of a public-key terminal: PKCS#8 ({@code BEGIN PRIVATE KEY}, what {@code
 * openssl genpkey} writes) or OpenSSL's traditional {@code BEGIN RSA PRIVATE KEY} / {@code BEGIN EC
 * PRIVATE KEY}, for RSA (at least 2048 bits), EC P-256 or X25519. Error messages name the file and
 * what is wrong with it, never its content.
 */
public final class TerminalKeyFiles {

    /** Larger than any key file this reads (an RSA 8192 PEM is about 6.5 KB). */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private TerminalKeyFiles() {}

    /** A key file that exists but holds no usable terminal key. */
    public static final class InvalidKeyFileException extends IOException {

        private static final long serialVersionUID = 1L;

        InvalidKeyFileException(Path file, String problem) {
            super(file + ": " + problem);
        }
    }

    /** {@link #load(Path, CryptoProvider)} with {@link CryptoProvider#getDefault()}. */
    public static TerminalSecret load(Path file) throws IOException {
        return load(file, CryptoProvider.getDefault());
    }

    /**
     * @throws InvalidKeyFileException if the file is not a key of an accepted kind
     * @throws IOException if it cannot be read
     */
    public static TerminalSecret load(Path file, CryptoProvider crypto) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new InvalidKeyFileException(file, "larger than " + MAX_FILE_BYTES + " bytes: not a key file");
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        try {
            if (text.isEmpty()) {
                throw new InvalidKeyFileException(file, "empty");
            }
            if (text.startsWith("-----BEGIN")) {
                return new TerminalSecret.Private(privateKey(file, text, crypto));
            }
            return new TerminalSecret.Symmetric(symmetricKey(file, text));
        } catch (IllegalArgumentException e) {
            // TerminalSecret refuses the key (an RSA key under 2048 bits, a curve other than P-256)
            throw new InvalidKeyFileException(file, e.getMessage());
        } finally {
            SecretKeys.wipe(bytes);
        }
    }

    private static byte[] symmetricKey(Path file, String text) throws InvalidKeyFileException {
        String compact = text.replaceAll("\\s", "");
        byte[] kt;
        try {
            kt = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyFileException(
                    file,
                    "neither a PEM private key (-----BEGIN PRIVATE KEY-----) nor the base64 of a 32-byte AES key");
        }
        if (kt.length != GrantKeys.KEY_BYTES) {
            int length = kt.length;
            SecretKeys.wipe(kt);
            throw new InvalidKeyFileException(
                    file,
                    "base64 of " + length + " bytes; an AES_256 terminal key (provisioningKey) is "
                            + GrantKeys.KEY_BYTES + " bytes");
        }
        return kt;
    }

    private static PrivateKey privateKey(Path file, String pem, CryptoProvider crypto) throws InvalidKeyFileException {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyFileException(file, "unreadable PEM");
        }
        PrivateKeyInfo info;
        if (object instanceof PrivateKeyInfo pkcs8) {
            info = pkcs8;
        } else if (object instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
            throw new InvalidKeyFileException(
                    file, "an encrypted private key: store it unencrypted (openssl pkcs8 -topk8 -nocrypt)");
        } else if (object instanceof SubjectPublicKeyInfo) {
            throw new InvalidKeyFileException(file, "a public key: the terminal needs its private key");
        } else {
            throw new InvalidKeyFileException(file, "the PEM holds no private key");
        }
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        String algorithm;
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            algorithm = "RSA";
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            algorithm = "EC";
        } else if (EdECObjectIdentifiers.id_X25519.equals(oid)) {
            algorithm = "X25519";
        } else if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            throw new InvalidKeyFileException(file, "an Ed25519 key, which signs; a terminal key is X25519");
        } else {
            throw new InvalidKeyFileException(
                    file, "unsupported key algorithm " + oid.getId() + " (RSA, EC P-256 or X25519)");
        }
        byte[] der = null;
        try {
            der = info.getEncoded("DER");
            return crypto.keyFactory(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new InvalidKeyFileException(file, "malformed " + algorithm + " private key");
        } finally {
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }
}
