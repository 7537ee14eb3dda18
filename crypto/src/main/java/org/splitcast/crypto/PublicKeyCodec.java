package org.splitcast.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reads and writes the public keys that terminals register: an X.509 SubjectPublicKeyInfo, as PEM
 * ({@code -----BEGIN PUBLIC KEY-----}) or as base64 of its DER. Only the kinds of {@link
 * PublicKeyKind} are accepted, RSA only from 2048 bits.
 */
public final class PublicKeyCodec {

    /** A parsed, accepted public key with its canonical DER encoding. */
    public record ParsedPublicKey(PublicKeyKind kind, PublicKey key, byte[] der) {}

    public static final int MIN_RSA_BITS = 2048;
    private static final int MAX_INPUT_CHARS = 16_384;

    private final CryptoProvider provider;

    public PublicKeyCodec(CryptoProvider provider) {
        this.provider = provider;
    }

    /**
     * Parses a PEM or base64-DER SubjectPublicKeyInfo.
     *
     * @throws InvalidKeyException with a message fit for the caller if the text is not such a key or
     *     not an accepted kind
     */
    public ParsedPublicKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidKeyException("no public key given");
        }
        if (text.length() > MAX_INPUT_CHARS) {
            throw new InvalidKeyException("public key text longer than " + MAX_INPUT_CHARS + " characters");
        }
        return parse(decode(text.strip()));
    }

    /** Parses the DER of a SubjectPublicKeyInfo. */
    public ParsedPublicKey parse(byte[] der) {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(der);
        } catch (RuntimeException e) {
            throw new InvalidKeyException("not a DER SubjectPublicKeyInfo");
        }
        if (info == null) {
            throw new InvalidKeyException("not a DER SubjectPublicKeyInfo");
        }
        AlgorithmIdentifier algorithm = info.getAlgorithm();
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        PublicKeyKind kind;
        String jcaAlgorithm;
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            kind = PublicKeyKind.RSA;
            jcaAlgorithm = "RSA";
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            if (!SECObjectIdentifiers.secp256r1.equals(algorithm.getParameters())) {
                throw new InvalidKeyException("only the P-256 (secp256r1) named curve is accepted for EC keys");
            }
            kind = PublicKeyKind.EC_P256;
            jcaAlgorithm = "EC";
        } else if (EdECObjectIdentifiers.id_X25519.equals(oid)) {
            kind = PublicKeyKind.X25519;
            jcaAlgorithm = "X25519";
        } else {
            throw new InvalidKeyException("unsupported public key algorithm " + oid.getId() + " (accepted: RSA >= "
                    + MIN_RSA_BITS + " bits, EC P-256, X25519)");
        }
        PublicKey key;
        byte[] canonical;
        try {
            canonical = info.getEncoded("DER");
            key = provider.keyFactory(jcaAlgorithm).generatePublic(new X509EncodedKeySpec(canonical));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new InvalidKeyException("malformed " + kind + " public key");
        }
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new InvalidKeyException(
                    "RSA key of " + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS + " required");
        }
        return new ParsedPublicKey(kind, key, canonical);
    }

    /** The PEM text of a DER SubjectPublicKeyInfo. */
    public static String toPem(byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject("PUBLIC KEY", der));
        } catch (IOException e) {
            throw new CryptoException("cannot write PEM", e);
        }
        return out.toString();
    }

    private static byte[] decode(String text) {
        if (text.startsWith("-----BEGIN")) {
            try (PEMParser parser = new PEMParser(new StringReader(text))) {
                Object object = parser.readObject();
                if (object instanceof SubjectPublicKeyInfo info) {
                    return info.getEncoded("DER");
                }
            } catch (IOException | RuntimeException e) {
                throw new InvalidKeyException("unreadable PEM");
            }
            throw new InvalidKeyException("the PEM is not a PUBLIC KEY (SubjectPublicKeyInfo)");
        }
        try {
            return Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("neither PEM nor base64");
        }
    }

    /** A public key that cannot be accepted; the message is safe to show to the sender. */
    public static final class InvalidKeyException extends CryptoException {

        private static final long serialVersionUID = 1L;

        public InvalidKeyException(String message) {
            super(message);
        }
    }
}
