package org.splitcast.crypto;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;

/** BouncyCastle alone because the native provider is off; {@link #name()} says why. */
final class FallbackCryptoProvider implements CryptoProvider {

    private final CryptoProvider bc;
    private final String reason;

    FallbackCryptoProvider(CryptoProvider bc, String reason) {
        this.bc = bc;
        this.reason = reason;
    }

    @Override
    public String name() {
        return bc.name() + " (" + reason + ")";
    }

    @Override
    public SecureRandom secureRandom() {
        return bc.secureRandom();
    }

    @Override
    public Cipher cipher(String transformation) {
        return bc.cipher(transformation);
    }

    @Override
    public Mac mac(String algorithm) {
        return bc.mac(algorithm);
    }

    @Override
    public Signature signature(String algorithm) {
        return bc.signature(algorithm);
    }

    @Override
    public KeyAgreement keyAgreement(String algorithm) {
        return bc.keyAgreement(algorithm);
    }

    @Override
    public KeyFactory keyFactory(String algorithm) {
        return bc.keyFactory(algorithm);
    }

    @Override
    public KeyGenerator keyGenerator(String algorithm) {
        return bc.keyGenerator(algorithm);
    }

    @Override
    public KeyPairGenerator keyPairGenerator(String algorithm) {
        return bc.keyPairGenerator(algorithm);
    }

    @Override
    public MessageDigest messageDigest(String algorithm) {
        return bc.messageDigest(algorithm);
    }

    @Override
    public KeyStore keyStore(String type) {
        return bc.keyStore(type);
    }
}
