package org.splitcast.crypto;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * Run in another JVM or class loader by {@link NativeCryptoProviderTest}: reports which provider
 * {@link CryptoProvider#getDefault()} chose there, after checking that it signs and verifies.
 */
public final class ProviderProbe {

    private ProviderProbe() {}

    public static void main(String[] args) {
        System.out.println(probe());
    }

    /** {@code native=<true|false> signs=<true|false> name=<name>}. */
    public static String probe() {
        CryptoProvider crypto = CryptoProvider.getDefault();
        boolean signs;
        try {
            KeyPairGenerator generator = crypto.keyPairGenerator("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            byte[] message = "probe".getBytes(StandardCharsets.US_ASCII);
            Signature signer = crypto.signature("SHA256withECDSAinP1363Format");
            signer.initSign(pair.getPrivate());
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = CryptoProvider.bouncyCastle().signature("SHA256withECDSAinP1363Format");
            verifier.initVerify(pair.getPublic());
            verifier.update(message);
            signs = signature.length == 64 && verifier.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            signs = false;
        }
        return "native=" + crypto.nativeAccelerated() + " signs=" + signs + " name=" + crypto.name();
    }
}
