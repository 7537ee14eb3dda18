package org.splitcast.license.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.license.format.Fixtures.CONTENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.splitcast.license.format.Fixtures.Issued;
import org.splitcast.license.format.Fixtures.Terminal;
import org.splitcast.license.format.Fixtures.TerminalKind;

/**
 * The format against computations written here from docs/license-format.md with the JDK's own
 * providers (SunEC, SunRsaSign, SunJCE) and MessageDigest/Mac: no splitcast code, no BouncyCastle.
 */
class IndependentComputationTest {

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    /** docs §3.2 step 2, literally. */
    private static byte[] kek(byte[] z, String terminalId) throws Exception {
        byte[] a = "ECDH-ES+A256KW".getBytes(StandardCharsets.US_ASCII);
        byte[] v = terminalId.getBytes(StandardCharsets.UTF_8);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(new byte[] {0, 0, 0, 1});
        sha.update(z);
        sha.update(int32(a.length));
        sha.update(a);
        sha.update(int32(0));
        sha.update(int32(v.length));
        sha.update(v);
        sha.update(new byte[] {0, 0, 1, 0});
        return sha.digest();
    }

    @Test
    void ecdhEsKekOfAKnownZ() throws Exception {
        byte[] z = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

        byte[] ours = KeyWrap.concatKdf(z, "alice-tv", Fixtures.CRYPTO);

        assertArrayEquals(kek(z, "alice-tv"), ours);
        assertEquals(32, ours.length);
        // the terminal id is PartyVInfo: another terminal gets another KEK from the same Z
        assertTrue(!Arrays.equals(ours, KeyWrap.concatKdf(z, "bob-tv", Fixtures.CRYPTO)));
        // a non-ASCII id counts its UTF-8 bytes
        assertArrayEquals(kek(z, "télé-salon"), KeyWrap.concatKdf(z, "télé-salon", Fixtures.CRYPTO));
    }

    @Test
    void grantKeyOfASymmetricTerminalIsHkdfSha256() throws Exception {
        byte[] kt = HexFormat.of().parseHex("8f0e1c2d3b4a59687766554433221100ffeeddccbbaa99887766554433221100");
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] prk = hmac.doFinal(kt);
        hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
        hmac.update("splitcast-license/1 grant".getBytes(StandardCharsets.US_ASCII));
        byte[] km = hmac.doFinal(new byte[] {1});

        assertArrayEquals(km, GrantKeys.fromTerminalKey(kt, Fixtures.CRYPTO));
    }

    @ParameterizedTest
    @EnumSource(TerminalKind.class)
    void jdkAloneVerifiesAndUnwrapsALicense(TerminalKind kind) throws Exception {
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            Terminal terminal = Fixtures.terminal(kind);
            Issued issued = Fixtures.issue(terminal, algorithm);
            String[] access = issued.license().access().split("\\.");
            JsonNode header = JSON.readTree(B64URL.decode(access[0]));
            JsonNode payload = JSON.readTree(B64URL.decode(access[1]));

            // step 1, with the JDK's providers
            assertEquals(algorithm.jwsName(), header.get("alg").asText());
            assertTrue(
                    jdkVerify(
                            algorithm,
                            Fixtures.signingKey(algorithm).publicKey(),
                            (access[0] + "." + access[1]).getBytes(StandardCharsets.US_ASCII),
                            B64URL.decode(access[2])),
                    algorithm + " signature");

            // step 3
            byte[] material = jdkUnwrap(payload.get("wrap"), terminal, kind);
            byte[] kc = Arrays.copyOf(material, 32);
            assertArrayEquals(issued.contentKey(), kc);
            byte[] km = kind == TerminalKind.AES_256
                    ? GrantKeys.fromTerminalKey(((TerminalSecret.Symmetric) terminal.terminalSide()).kt(), Fixtures.BC)
                    : Arrays.copyOfRange(material, 32, 64);

            // step 4 and 5
            String[] grant = issued.license().grant().split("\\.");
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(km, "HmacSHA256"));
            byte[] mac = hmac.doFinal((grant[0] + "." + grant[1]).getBytes(StandardCharsets.US_ASCII));
            assertTrue(MessageDigest.isEqual(mac, B64URL.decode(grant[2])), "grant MAC");
            JsonNode grantPayload = JSON.readTree(B64URL.decode(grant[1]));
            byte[] ab = MessageDigest.getInstance("SHA-256")
                    .digest(issued.license().access().getBytes(StandardCharsets.US_ASCII));
            assertEquals(
                    Base64.getUrlEncoder().withoutPadding().encodeToString(ab),
                    grantPayload.get("ab").asText());
            assertEquals(issued.nonce(), grantPayload.get("nonce").asText());
            assertEquals(CONTENT, payload.get("cid").asText());
        }
    }

    private static boolean jdkVerify(SignatureAlgorithm algorithm, PublicKey key, byte[] input, byte[] signature)
            throws Exception {
        Signature verifier;
        PublicKey jdkKey;
        switch (algorithm) {
            case PS256 -> {
                verifier = Signature.getInstance("RSASSA-PSS");
                verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                jdkKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key.getEncoded()));
            }
            case ES256 -> {
                verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
                jdkKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(key.getEncoded()));
                assertEquals(64, signature.length);
            }
            default -> {
                verifier = Signature.getInstance("Ed25519");
                jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(key.getEncoded()));
                assertEquals(64, signature.length);
            }
        }
        assertTrue(
                verifier.getProvider().getName().startsWith("Sun"),
                verifier.getProvider().getName());
        verifier.initVerify(jdkKey);
        verifier.update(input);
        return verifier.verify(signature);
    }

    private static byte[] jdkUnwrap(JsonNode wrap, Terminal terminal, TerminalKind kind) throws Exception {
        byte[] wrapped = B64URL.decode(wrap.get("key").asText());
        switch (kind) {
            case AES_256 -> {
                assertEquals("A256KW", wrap.get("alg").asText());
                return aesUnwrap(((TerminalSecret.Symmetric) terminal.terminalSide()).kt(), wrapped);
            }
            case RSA_2048, RSA_3072 -> {
                assertEquals("RSA-OAEP-256", wrap.get("alg").asText());
                Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
                oaep.init(
                        Cipher.DECRYPT_MODE,
                        jdkPrivate("RSA", terminal),
                        new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
                return oaep.doFinal(wrapped);
            }
            case EC_P256 -> {
                assertEquals("ECDH-ES+A256KW", wrap.get("alg").asText());
                JsonNode epk = wrap.get("epk");
                KeyFactory ec = KeyFactory.getInstance("EC");
                java.security.interfaces.ECPublicKey terminalPublic =
                        (java.security.interfaces.ECPublicKey) ((TerminalKey.Public) terminal.serverSide()).publicKey();
                PublicKey ephemeral = ec.generatePublic(new ECPublicKeySpec(
                        new ECPoint(
                                new BigInteger(1, B64URL.decode(epk.get("x").asText())),
                                new BigInteger(1, B64URL.decode(epk.get("y").asText()))),
                        terminalPublic.getParams()));
                KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
                ecdh.init(jdkPrivate("EC", terminal));
                ecdh.doPhase(ephemeral, true);
                return aesUnwrap(kek(ecdh.generateSecret(), terminal.id()), wrapped);
            }
            default -> {
                assertEquals("ECDH-ES+A256KW", wrap.get("alg").asText());
                byte[] u = B64URL.decode(wrap.get("epk").get("x").asText());
                byte[] bigEndian = new byte[32];
                for (int i = 0; i < 32; i++) {
                    bigEndian[i] = u[31 - i];
                }
                PublicKey ephemeral = KeyFactory.getInstance("XDH")
                        .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian)));
                KeyAgreement x25519 = KeyAgreement.getInstance("XDH");
                x25519.init(jdkPrivate("XDH", terminal));
                x25519.doPhase(ephemeral, true);
                return aesUnwrap(kek(x25519.generateSecret(), terminal.id()), wrapped);
            }
        }
    }

    private static PrivateKey jdkPrivate(String algorithm, Terminal terminal) throws Exception {
        PrivateKey key = ((TerminalSecret.Private) terminal.terminalSide()).privateKey();
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    }

    private static byte[] aesUnwrap(byte[] kek, byte[] wrapped) throws Exception {
        Cipher kw = Cipher.getInstance("AESWrap");
        assertEquals("SunJCE", kw.getProvider().getName());
        kw.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
        Key key = kw.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
        return key.getEncoded();
    }
}
