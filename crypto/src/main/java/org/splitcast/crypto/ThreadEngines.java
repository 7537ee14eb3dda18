package org.splitcast.crypto;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JCA engines that {@link CryptoProvider#threadMac}, {@link CryptoProvider#threadDigest} and
 * {@link CryptoProvider#threadCipher} hand out: one per thread, provider and algorithm, created on
 * the thread's first request. Obtaining an engine from a provider ({@code Mac.getInstance(alg,
 * provider)}) goes through the provider's service look-up, which BouncyCastle synchronizes: on a
 * server's request path, every request of every thread queued on that one lock (issue 12). A
 * thread's own engine needs no look-up and no lock; each use re-initializes it ({@code init}
 * resets a Mac or a Cipher, {@code digest} resets a MessageDigest).
 */
final class ThreadEngines {

    private record Key(CryptoProvider provider, String kind, String algorithm) {}

    private static final ThreadLocal<Map<Key, Object>> ENGINES = ThreadLocal.withInitial(HashMap::new);

    private ThreadEngines() {}

    @SuppressWarnings("unchecked")
    static <T> T get(CryptoProvider provider, String kind, String algorithm, Supplier<T> factory) {
        return (T) ENGINES.get().computeIfAbsent(new Key(provider, kind, algorithm), k -> factory.get());
    }
}
