package org.splitcast.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;

/**
 * The only class that names the Amazon Corretto Crypto Provider, so that its absence surfaces as a
 * {@link LinkageError} at one call site ({@link DefaultCryptoProvider#select}) and nowhere else.
 */
final class CorrettoLoader {

    private CorrettoLoader() {}

    /**
     * ACCP's singleton, after checking that its native library loaded in this class loader and that
     * its self-tests pass. It is never passed to {@link java.security.Security#addProvider}.
     *
     * @throws IllegalStateException with ACCP's loading error if it is not usable
     */
    static Provider load() {
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        Throwable error = accp.getLoadingError();
        if (error != null) {
            throw new IllegalStateException("native library did not load: " + error, error);
        }
        accp.assertHealthy();
        return accp;
    }
}
