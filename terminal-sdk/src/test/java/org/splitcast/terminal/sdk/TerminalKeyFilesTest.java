package org.splitcast.terminal.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.splitcast.crypto.PublicKeyKind;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.terminal.testing.TestTerminal;
import org.splitcast.terminal.testing.TestTerminal.Kind;

class TerminalKeyFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
    }

    private String invalid(Path file) {
        TerminalKeyFiles.InvalidKeyFileException e =
                assertThrows(TerminalKeyFiles.InvalidKeyFileException.class, () -> TerminalKeyFiles.load(file));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void provisioningKeyAsTheServerReturnsIt() throws Exception {
        byte[] kt = new byte[32];
        for (int i = 0; i < kt.length; i++) {
            kt[i] = (byte) (i * 7 + 3);
        }

        TerminalSecret standard =
                TerminalKeyFiles.load(write("a.key", Base64.getEncoder().encodeToString(kt) + "\n"));
        TerminalSecret urlSafe = TerminalKeyFiles.load(
                write("b.key", "  " + Base64.getUrlEncoder().withoutPadding().encodeToString(kt) + "\r\n"));

        assertArrayEquals(
                kt, assertInstanceOf(TerminalSecret.Symmetric.class, standard).kt());
        assertArrayEquals(
                kt, assertInstanceOf(TerminalSecret.Symmetric.class, urlSafe).kt());
    }

    @ParameterizedTest
    @EnumSource(
            value = Kind.class,
            names = {"RSA", "EC_P256", "X25519"})
    void pkcs8PemPrivateKeys(Kind kind) throws Exception {
        KeyPair pair = TestTerminal.keyPair(kind);

        TerminalSecret secret = TerminalKeyFiles.load(write("t.pem", TestTerminal.pkcs8Pem(pair.getPrivate())));

        TerminalSecret.Private key = assertInstanceOf(TerminalSecret.Private.class, secret);
        assertEquals(
                switch (kind) {
                    case RSA -> PublicKeyKind.RSA;
                    case EC_P256 -> PublicKeyKind.EC_P256;
                    default -> PublicKeyKind.X25519;
                },
                key.kind());
        assertSameKey(pair.getPrivate(), key.privateKey());
    }

    @Test
    void opensslTraditionalRsaPrivateKey() throws Exception {
        KeyPair pair = TestTerminal.keyPair(Kind.RSA);
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(pair.getPrivate());
        }
        assertTrue(pem.toString().startsWith("-----BEGIN RSA PRIVATE KEY-----"), pem.toString());

        TerminalSecret secret = TerminalKeyFiles.load(write("t.pem", pem.toString()));

        assertSameKey(
                pair.getPrivate(),
                assertInstanceOf(TerminalSecret.Private.class, secret).privateKey());
    }

    @Test
    void opensslTraditionalEcPrivateKey() throws Exception {
        // what 'openssl ecparam -name prime256v1 -genkey' writes: SEC 1 with the curve's OID
        KeyPair pair = TestTerminal.keyPair(Kind.EC_P256);
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(
                256, ((ECPrivateKey) pair.getPrivate()).getS(), new X962Parameters(SECObjectIdentifiers.secp256r1));
        String pem = "-----BEGIN EC PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(sec1.getEncoded()) + "\n-----END EC PRIVATE KEY-----\n";

        TerminalSecret secret = TerminalKeyFiles.load(write("t.pem", pem));

        assertSameKey(
                pair.getPrivate(),
                assertInstanceOf(TerminalSecret.Private.class, secret).privateKey());
    }

    /** Same key material, whatever encoding details (optional public key, attributes) differ. */
    private static void assertSameKey(PrivateKey expected, PrivateKey actual) {
        if (expected instanceof RSAPrivateKey rsa) {
            assertEquals(rsa.getModulus(), ((RSAPrivateKey) actual).getModulus());
            assertEquals(rsa.getPrivateExponent(), ((RSAPrivateKey) actual).getPrivateExponent());
        } else if (expected instanceof ECPrivateKey ec) {
            assertEquals(ec.getS(), ((ECPrivateKey) actual).getS());
        } else {
            assertArrayEquals(
                    ((XECPrivateKey) expected).getScalar().orElseThrow(),
                    ((XECPrivateKey) actual).getScalar().orElseThrow());
        }
    }

    @Test
    void malformedFilesAreRefusedWithAClearMessage() throws Exception {
        assertTrue(invalid(write("hello.key", "hello world, I am not a key\n"))
                .endsWith(
                        "neither a PEM private key (-----BEGIN PRIVATE KEY-----) nor the base64 of a 32-byte AES key"));
        assertTrue(invalid(write("short.key", Base64.getEncoder().encodeToString(new byte[16])))
                .endsWith("base64 of 16 bytes; an AES_256 terminal key (provisioningKey) is 32 bytes"));
        assertTrue(invalid(write("empty.key", "\n\n")).endsWith("empty"));
        KeyPair ec = TestTerminal.keyPair(Kind.EC_P256);
        String publicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ec.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        assertTrue(
                invalid(write("public.pem", publicPem)).endsWith("a public key: the terminal needs its private key"));
        String pem = TestTerminal.pkcs8Pem(ec.getPrivate());
        assertTrue(invalid(write("cut.pem", pem.substring(0, pem.length() / 2))).contains("PEM"));
    }

    @Test
    void keysOfTheWrongKindAreRefused() throws Exception {
        KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));

        assertTrue(invalid(write(
                        "ed.pem", TestTerminal.pkcs8Pem(ed.generateKeyPair().getPrivate())))
                .contains("Ed25519"));
        assertTrue(invalid(write(
                        "rsa.pem", TestTerminal.pkcs8Pem(rsa.generateKeyPair().getPrivate())))
                .contains("1024 bits"));
        assertTrue(invalid(write(
                        "p384.pem", TestTerminal.pkcs8Pem(p384.generateKeyPair().getPrivate())))
                .contains("unsupported terminal key"));
    }

    @Test
    void encryptedPrivateKeyIsRefused() throws Exception {
        KeyPair pair = TestTerminal.keyPair(Kind.EC_P256);
        OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider())
                .setPassword("pw".toCharArray())
                .build();
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(), encryptor));
        }

        assertTrue(invalid(write("enc.pem", pem.toString())).contains("an encrypted private key"));
    }

    @Test
    void missingFileIsAnIoErrorNotAnInvalidKey() {
        IOException e = assertThrows(IOException.class, () -> TerminalKeyFiles.load(dir.resolve("nope.key")));

        assertInstanceOf(NoSuchFileException.class, e);
    }

    @Test
    void messagesNeverQuoteTheKey() throws Exception {
        byte[] almost = new byte[31];
        java.util.Arrays.fill(almost, (byte) 0x5a);
        String text = Base64.getEncoder().encodeToString(almost);

        String message = invalid(write("k.key", text));

        assertFalse(message.contains(text), message);
        assertFalse(message.contains("5a5a5a"), message);
    }
}
