package org.splitcast.crypto;

import java.util.Arrays;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/** Creation of symmetric keys. */
public final class SecretKeys {

    public static final int AES_256_BYTES = 32;

    private SecretKeys() {}

    /** A fresh AES key of {@code bits} (128, 192 or 256) from the provider's random source. */
    public static SecretKey generateAes(CryptoProvider provider, int bits) {
        KeyGenerator generator = provider.keyGenerator("AES");
        generator.init(bits, provider.secureRandom());
        return generator.generateKey();
    }

    /** Overwrites a copy of key bytes that is no longer needed. */
    public static void wipe(byte[] raw) {
        if (raw != null) {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
