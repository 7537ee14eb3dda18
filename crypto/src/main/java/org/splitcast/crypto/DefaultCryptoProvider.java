package org.splitcast.crypto;

import java.security.Provider;
import java.util.function.Supplier;

/**
 * Chooses {@link CryptoProvider#getDefault()} once per class loader: the native provider in front
 * of BouncyCastle when it loads and is healthy, BouncyCastle alone otherwise, with the reason in
 * {@link CryptoProvider#name()}.
 */
final class DefaultCryptoProvider {

    static final CryptoProvider INSTANCE =
            select(System.getProperty(CryptoProvider.NATIVE_PROPERTY), DefaultCryptoProvider::loadCorretto);

    private DefaultCryptoProvider() {}

    /**
     * @param nativeProperty the value of {@value CryptoProvider#NATIVE_PROPERTY}: {@code false}
     *     (any case) keeps the native provider out, anything else lets it in
     * @param loader the native provider, or an exception saying why it is not usable
     */
    static CryptoProvider select(String nativeProperty, Supplier<Provider> loader) {
        BouncyCastleCryptoProvider bc = BouncyCastleCryptoProvider.INSTANCE;
        if (nativeProperty != null && nativeProperty.strip().equalsIgnoreCase("false")) {
            return new FallbackCryptoProvider(bc, "native provider disabled by -D" + CryptoProvider.NATIVE_PROPERTY);
        }
        Provider fast;
        try {
            fast = loader.get();
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: the jar is missing (NoClassDefFoundError) or its native library did
            // not link (UnsatisfiedLinkError). Either way BouncyCastle does everything.
            return new FallbackCryptoProvider(bc, "native provider unavailable: " + describe(e));
        }
        return new NativeCryptoProvider(fast, bc);
    }

    /** ACCP, checked: it loaded its native library and passes its self-tests. Never installed. */
    private static Provider loadCorretto() {
        return CorrettoLoader.load();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }
}
