package org.splitcast.license.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignatureAlgorithmTest {

    @Test
    void jwsNamesAreExact() {
        assertEquals("PS256", SignatureAlgorithm.PS256.jwsName());
        assertEquals("ES256", SignatureAlgorithm.ES256.jwsName());
        assertEquals("EdDSA", SignatureAlgorithm.EdDSA.jwsName());
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            assertEquals(algorithm, SignatureAlgorithm.fromJwsName(algorithm.jwsName()));
        }
        for (String name : new String[] {"none", "ps256", "RS256", "HS256", "", null}) {
            assertThrows(IllegalArgumentException.class, () -> SignatureAlgorithm.fromJwsName(name), name);
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void generatedKeysAreOfTheirAlgorithmAndSign(SignatureAlgorithm algorithm) {
        KeyPair pair = algorithm.generateKeyPair(Fixtures.CRYPTO);
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);

        byte[] signature = algorithm.sign(pair.getPrivate(), input, Fixtures.CRYPTO);

        assertEquals(algorithm, SignatureAlgorithm.of(pair.getPublic()));
        assertEquals(algorithm == SignatureAlgorithm.PS256 ? 384 : 64, signature.length);
        assertTrue(algorithm.verify(pair.getPublic(), input, signature, Fixtures.BC));
        assertFalse(algorithm.verify(
                pair.getPublic(), "header.payloaD".getBytes(StandardCharsets.US_ASCII), signature, Fixtures.BC));
        if (algorithm == SignatureAlgorithm.PS256) {
            assertEquals(3072, ((RSAPublicKey) pair.getPublic()).getModulus().bitLength());
        }
    }

    @Test
    void keysOfOtherKindsHaveNoAlgorithm() throws Exception {
        KeyPairGenerator rsa1024 = KeyPairGenerator.getInstance("RSA");
        rsa1024.initialize(1024);
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));

        assertThrows(
                IllegalArgumentException.class,
                () -> SignatureAlgorithm.of(rsa1024.generateKeyPair().getPublic()));
        assertThrows(
                IllegalArgumentException.class,
                () -> SignatureAlgorithm.of(p384.generateKeyPair().getPublic()));
        assertThrows(
                IllegalArgumentException.class,
                () -> SignatureAlgorithm.of(
                        Fixtures.keyPair(Fixtures.TerminalKind.X25519).getPublic()));
        assertThrows(IllegalArgumentException.class, () -> SignatureAlgorithm.of(null));
    }

    @Test
    void jdkKeysAreRecognisedToo() throws Exception {
        KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));

        assertEquals(
                SignatureAlgorithm.EdDSA,
                SignatureAlgorithm.of(ed.generateKeyPair().getPublic()));
        assertEquals(
                SignatureAlgorithm.ES256,
                SignatureAlgorithm.of(ec.generateKeyPair().getPublic()));
    }

    @Test
    void signingKeyMustFitItsAlgorithm() {
        SigningKey es = Fixtures.signingKey(SignatureAlgorithm.ES256);
        SigningKey ed = Fixtures.signingKey(SignatureAlgorithm.EdDSA);

        assertThrows(
                IllegalArgumentException.class,
                () -> new SigningKey("k", SignatureAlgorithm.PS256, es.privateKey(), es.publicKey()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new SigningKey("k", SignatureAlgorithm.ES256, ed.privateKey(), es.publicKey()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new VerificationKey("k", SignatureAlgorithm.EdDSA, es.publicKey()));
        assertEquals(es.keyId(), es.verificationKey().keyId());
    }
}
