package org.splitcast.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.PublicKeyCodec.InvalidKeyException;

class PublicKeyCodecTest {

    private final CryptoProvider crypto = CryptoProvider.getDefault();
    private final PublicKeyCodec codec = new PublicKeyCodec(crypto);

    @Test
    void rsa2048PemIsAccepted() throws Exception {
        KeyPair pair = rsa(2048);
        String pem = PublicKeyCodec.toPem(pair.getPublic().getEncoded());

        PublicKeyCodec.ParsedPublicKey parsed = codec.parse(pem);

        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals(PublicKeyKind.RSA, parsed.kind());
        assertArrayEquals(pair.getPublic().getEncoded(), parsed.der());
    }

    @Test
    void shortRsaIsRejected() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(rsa(1024).getPublic().getEncoded());

        InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> codec.parse(b64));
        assertTrue(e.getMessage().contains("1024"), e.getMessage());
    }

    @Test
    void p256Base64IsAcceptedAndP384Rejected() throws Exception {
        assertEquals(PublicKeyKind.EC_P256, codec.parse(b64(ec("secp256r1"))).kind());

        assertThrows(InvalidKeyException.class, () -> codec.parse(b64(ec("secp384r1"))));
    }

    @Test
    void x25519IsAcceptedAndEd25519Rejected() throws Exception {
        KeyPair x = crypto.keyPairGenerator("X25519").generateKeyPair();
        KeyPair ed = crypto.keyPairGenerator("Ed25519").generateKeyPair();

        assertEquals(PublicKeyKind.X25519, codec.parse(b64(x)).kind());
        assertThrows(InvalidKeyException.class, () -> codec.parse(b64(ed)));
    }

    @Test
    void garbageIsRejectedWithAMessage() {
        assertThrows(InvalidKeyException.class, () -> codec.parse(""));
        assertThrows(InvalidKeyException.class, () -> codec.parse("not base64 at all!"));
        assertThrows(InvalidKeyException.class, () -> codec.parse("AAAA"));
        assertThrows(
                InvalidKeyException.class,
                () -> codec.parse("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
    }

    private KeyPair rsa(int bits) {
        KeyPairGenerator generator = crypto.keyPairGenerator("RSA");
        generator.initialize(bits, crypto.secureRandom());
        return generator.generateKeyPair();
    }

    private KeyPair ec(String curve) throws Exception {
        KeyPairGenerator generator = crypto.keyPairGenerator("EC");
        generator.initialize(new ECGenParameterSpec(curve), crypto.secureRandom());
        return generator.generateKeyPair();
    }

    private static String b64(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }
}
