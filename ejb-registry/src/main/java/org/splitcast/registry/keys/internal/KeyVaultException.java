package org.splitcast.registry.keys.internal;

/** The key vault cannot work: its keystore is missing, unreadable or holds no master key. */
public class KeyVaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyVaultException(String message) {
        super(message);
    }

    public KeyVaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
