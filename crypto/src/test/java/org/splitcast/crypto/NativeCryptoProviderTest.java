package org.splitcast.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NativeCryptoProviderTest {

    private static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
    private static final OAEPParameterSpec OAEP =
            new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private static final byte[] MESSAGE = "an access block signing input".getBytes(StandardCharsets.US_ASCII);

    private static CryptoProvider nativeCrypto;
    private static final CryptoProvider bc = CryptoProvider.bouncyCastle();
    private static KeyPair rsa;
    private static KeyPair ec;

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        nativeCrypto = DefaultCryptoProvider.select(null, CorrettoLoader::load);
        KeyPairGenerator rsaGenerator = bc.keyPairGenerator("RSA");
        rsaGenerator.initialize(2048);
        rsa = rsaGenerator.generateKeyPair();
        KeyPairGenerator ecGenerator = bc.keyPairGenerator("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGenerator.generateKeyPair();
    }

    private static boolean linuxX86_64() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    @Test
    void defaultProviderIsNativeOnLinuxX86_64() {
        assumeTrue(linuxX86_64(), "the native build in the dependencies is for linux-x86_64");

        CryptoProvider crypto = CryptoProvider.getDefault();

        assertTrue(crypto.nativeAccelerated(), crypto.name());
        assertTrue(crypto.name().startsWith("AmazonCorrettoCryptoProvider 2.5.0"), crypto.name());
        assertTrue(crypto.name().contains("BC 1.83"), crypto.name());
    }

    @Test
    void nativeProviderServesRsaAndEcAndBouncyCastleTheRest() {
        assumeTrue(linuxX86_64());

        assertEquals(
                "AmazonCorrettoCryptoProvider",
                nativeCrypto.signature("RSASSA-PSS").getProvider().getName());
        assertEquals(
                "AmazonCorrettoCryptoProvider",
                nativeCrypto
                        .signature("SHA256withECDSAinP1363Format")
                        .getProvider()
                        .getName());
        assertEquals(
                "AmazonCorrettoCryptoProvider",
                nativeCrypto.cipher("RSA/ECB/OAEPPadding").getProvider().getName());
        assertEquals(
                "AmazonCorrettoCryptoProvider",
                nativeCrypto.keyAgreement("ECDH").getProvider().getName());
        assertEquals(
                "AmazonCorrettoCryptoProvider",
                nativeCrypto.keyPairGenerator("EC").getProvider().getName());
        assertEquals("BC", nativeCrypto.signature("Ed25519").getProvider().getName());
        assertEquals("BC", nativeCrypto.keyAgreement("X25519").getProvider().getName());
        assertEquals("BC", nativeCrypto.cipher("AESWrap").getProvider().getName());
        assertEquals(
                "BC", nativeCrypto.cipher("AES/GCM/NoPadding").getProvider().getName());
        assertEquals("BC", nativeCrypto.keyFactory("RSA").getProvider().getName());
        assertEquals("BC", nativeCrypto.keyPairGenerator("RSA").getProvider().getName());
        assertEquals(
                "AmazonCorrettoCryptoProvider",
                nativeCrypto.bulkCipher("AES/GCM/NoPadding").getProvider().getName());
        assertEquals("BC", bc.bulkCipher("AES/GCM/NoPadding").getProvider().getName());
    }

    @Test
    void bulkAesGcmAgreesWithBouncyCastleBothWays() throws GeneralSecurityException {
        assumeTrue(linuxX86_64());
        javax.crypto.spec.SecretKeySpec key = new javax.crypto.spec.SecretKeySpec(bc.randomBytes(32), "AES");
        byte[] nonce = bc.randomBytes(12);
        byte[] aad = "bound associated data".getBytes(StandardCharsets.US_ASCII);
        byte[] plaintext = bc.randomBytes(100_003);

        byte[] nativeSealed =
                gcm(nativeCrypto.bulkCipher("AES/GCM/NoPadding"), Cipher.ENCRYPT_MODE, key, nonce, aad, plaintext);
        byte[] bcSealed = gcm(bc.cipher("AES/GCM/NoPadding"), Cipher.ENCRYPT_MODE, key, nonce, aad, plaintext);

        assertArrayEquals(bcSealed, nativeSealed);
        assertArrayEquals(
                plaintext, gcm(bc.cipher("AES/GCM/NoPadding"), Cipher.DECRYPT_MODE, key, nonce, aad, nativeSealed));
        assertArrayEquals(
                plaintext,
                gcm(nativeCrypto.bulkCipher("AES/GCM/NoPadding"), Cipher.DECRYPT_MODE, key, nonce, aad, bcSealed));
        bcSealed[7] ^= 1;
        assertThrows(
                javax.crypto.AEADBadTagException.class,
                () -> gcm(
                        nativeCrypto.bulkCipher("AES/GCM/NoPadding"), Cipher.DECRYPT_MODE, key, nonce, aad, bcSealed));
    }

    private static byte[] gcm(Cipher cipher, int mode, javax.crypto.SecretKey key, byte[] nonce, byte[] aad, byte[] in)
            throws GeneralSecurityException {
        cipher.init(mode, key, new javax.crypto.spec.GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(in);
    }

    @Test
    void propertyFalseKeepsTheNativeProviderOut() {
        CryptoProvider crypto = DefaultCryptoProvider.select("False", () -> fail("must not even try to load it"));

        assertFalse(crypto.nativeAccelerated());
        assertTrue(crypto.name().contains("disabled by -Dsplitcast.crypto.native"), crypto.name());
        assertEquals("BC", crypto.signature("RSASSA-PSS").getProvider().getName());
        assertEquals("BC", crypto.cipher("RSA/ECB/OAEPPadding").getProvider().getName());
        assertEquals("BC", crypto.keyAgreement("ECDH").getProvider().getName());
        assertEquals("BC", crypto.keyPairGenerator("EC").getProvider().getName());
    }

    @Test
    void nativeLibraryThatCannotLoadFallsBackToBouncyCastle() throws GeneralSecurityException {
        CryptoProvider crypto = DefaultCryptoProvider.select(null, () -> {
            throw new UnsatisfiedLinkError(
                    "Native Library libamazonCorrettoCryptoProvider.so already loaded in" + " another classloader");
        });

        assertFalse(crypto.nativeAccelerated());
        assertTrue(crypto.name().contains("UnsatisfiedLinkError"), crypto.name());
        assertTrue(verifies(bc, "RSASSA-PSS", rsa, sign(crypto, "RSASSA-PSS", rsa)));
    }

    @Test
    void missingJarFallsBackToBouncyCastle() {
        CryptoProvider crypto = DefaultCryptoProvider.select("true", () -> {
            throw new NoClassDefFoundError("com/amazon/corretto/crypto/provider/AmazonCorrettoCryptoProvider");
        });

        assertFalse(crypto.nativeAccelerated());
        assertTrue(
                crypto.name().startsWith("BC 1.83 (native provider unavailable: NoClassDefFoundError"), crypto.name());
    }

    @Test
    void rsaPssSignaturesAgreeBothWays() throws GeneralSecurityException {
        assumeTrue(linuxX86_64());

        assertTrue(verifies(bc, "RSASSA-PSS", rsa, sign(nativeCrypto, "RSASSA-PSS", rsa)));
        assertTrue(verifies(nativeCrypto, "RSASSA-PSS", rsa, sign(bc, "RSASSA-PSS", rsa)));
        byte[] tampered = sign(nativeCrypto, "RSASSA-PSS", rsa);
        tampered[10] ^= 1;
        assertFalse(verifies(bc, "RSASSA-PSS", rsa, tampered));
    }

    @Test
    void p1363EcdsaSignaturesAgreeBothWays() throws GeneralSecurityException {
        assumeTrue(linuxX86_64());
        String alg = "SHA256withECDSAinP1363Format";

        byte[] nativeSignature = sign(nativeCrypto, alg, ec);
        byte[] bcSignature = sign(bc, alg, ec);

        assertEquals(64, nativeSignature.length);
        assertEquals(64, bcSignature.length);
        assertTrue(verifies(bc, alg, ec, nativeSignature));
        assertTrue(verifies(nativeCrypto, alg, ec, bcSignature));
        assertFalse(verifies(bc, "SHA256withECDSA", ec, nativeSignature), "P1363 is not DER");
    }

    @Test
    void rsaOaepSha256AgreesBothWays() throws GeneralSecurityException {
        assumeTrue(linuxX86_64());
        byte[] material = new byte[64];
        bc.secureRandom().nextBytes(material);

        assertArrayEquals(
                material, oaep(bc, Cipher.DECRYPT_MODE, rsa, oaep(nativeCrypto, Cipher.ENCRYPT_MODE, rsa, material)));
        assertArrayEquals(
                material, oaep(nativeCrypto, Cipher.DECRYPT_MODE, rsa, oaep(bc, Cipher.ENCRYPT_MODE, rsa, material)));
    }

    @Test
    void ecdhWithNativeEphemeralKeyAgreesWithBouncyCastle() throws GeneralSecurityException {
        assumeTrue(linuxX86_64());
        KeyPairGenerator generator = nativeCrypto.keyPairGenerator("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ephemeral = generator.generateKeyPair();

        KeyAgreement sender = nativeCrypto.keyAgreement("ECDH");
        sender.init(ephemeral.getPrivate());
        sender.doPhase(ec.getPublic(), true);
        KeyAgreement receiver = bc.keyAgreement("ECDH");
        receiver.init(ec.getPrivate());
        receiver.doPhase(
                bc.keyFactory("EC")
                        .generatePublic(new java.security.spec.X509EncodedKeySpec(
                                ephemeral.getPublic().getEncoded())),
                true);

        byte[] z = sender.generateSecret();
        assertEquals(32, z.length);
        assertArrayEquals(z, receiver.generateSecret());
    }

    @Test
    void systemPropertyFalseForcesBouncyCastleInAFreshJvm() throws Exception {
        String out = runJava("-D" + CryptoProvider.NATIVE_PROPERTY + "=false");

        assertTrue(out.startsWith("native=false signs=true name=BC 1.83 (native provider disabled"), out);
    }

    @Test
    void freshJvmWithoutThePropertyIsNative() throws Exception {
        assumeTrue(linuxX86_64());

        String out = runJava("-Dunrelated=1");

        assertTrue(out.startsWith("native=true signs=true name=AmazonCorrettoCryptoProvider"), out);
    }

    /**
     * What a second deployment in the same server sees: its own copy of this module and of ACCP
     * in another class loader. ACCP 2.5 extracts its library to a fresh file per class loader, so
     * both may be native; what matters is that each gets a provider that works and says which.
     */
    @Test
    void secondClassLoaderGetsAWorkingProviderOfItsOwn() throws Exception {
        assumeTrue(linuxX86_64());
        CryptoProvider.getDefault();

        String withNative = probeInClassLoader(true);
        String withoutNative = probeInClassLoader(false);

        assertTrue(withNative.startsWith("native=true signs=true name=AmazonCorrettoCryptoProvider"), withNative);
        assertTrue(
                withoutNative.startsWith("native=false signs=true name=BC 1.83 (native provider unavailable:"),
                withoutNative);
    }

    private static String probeInClassLoader(boolean withAccp) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(location(CryptoProvider.class));
        urls.add(location(ProviderProbe.class));
        urls.add(location(BouncyCastleProvider.class));
        if (withAccp) {
            urls.add(location(AmazonCorrettoCryptoProvider.class));
        }
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = loader.loadClass(ProviderProbe.class.getName());
            assertNotEquals(ProviderProbe.class, probe);
            Method method = probe.getMethod("probe");
            return (String) method.invoke(null);
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static String runJava(String property) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        property,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ProviderProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not finish");
        assertEquals(0, process.exitValue(), out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private static byte[] sign(CryptoProvider crypto, String alg, KeyPair pair) throws GeneralSecurityException {
        Signature signer = crypto.signature(alg);
        if (alg.equals("RSASSA-PSS")) {
            signer.setParameter(PSS);
        }
        signer.initSign(pair.getPrivate());
        signer.update(MESSAGE);
        return signer.sign();
    }

    private static boolean verifies(CryptoProvider crypto, String alg, KeyPair pair, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = crypto.signature(alg);
        if (alg.equals("RSASSA-PSS")) {
            verifier.setParameter(PSS);
        }
        verifier.initVerify(pair.getPublic());
        verifier.update(MESSAGE);
        try {
            return verifier.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    private static byte[] oaep(CryptoProvider crypto, int mode, KeyPair pair, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = crypto.cipher("RSA/ECB/OAEPPadding");
        cipher.init(mode, mode == Cipher.ENCRYPT_MODE ? pair.getPublic() : pair.getPrivate(), OAEP);
        return cipher.doFinal(input);
    }

    @Test
    void preparedSigningKeysAreNativeAndSignTheSame() throws GeneralSecurityException {
        assumeTrue(linuxX86_64());
        PrivateKey rsaKey = nativeCrypto.prepareSigningKey(rsa.getPrivate());
        PrivateKey ecKey = nativeCrypto.prepareSigningKey(ec.getPrivate());
        KeyPair ed = bc.keyPairGenerator("Ed25519").generateKeyPair();

        assertTrue(
                rsaKey.getClass().getName().startsWith("com.amazon.corretto."),
                rsaKey.getClass().getName());
        assertTrue(
                ecKey.getClass().getName().startsWith("com.amazon.corretto."),
                ecKey.getClass().getName());
        assertSame(ed.getPrivate(), nativeCrypto.prepareSigningKey(ed.getPrivate()), "no native Ed25519 signing");
        assertSame(rsaKey, nativeCrypto.prepareSigningKey(rsaKey), "already native");
        assertSame(rsa.getPrivate(), bc.prepareSigningKey(rsa.getPrivate()));
        assertTrue(verifies(
                bc, "RSASSA-PSS", rsa, sign(nativeCrypto, "RSASSA-PSS", new KeyPair(rsa.getPublic(), rsaKey))));
        String p1363 = "SHA256withECDSAinP1363Format";
        assertTrue(verifies(bc, p1363, ec, sign(nativeCrypto, p1363, new KeyPair(ec.getPublic(), ecKey))));
    }
}
