package org.splitcast.crypto;

/**
 * Authenticated data did not verify: wrong key, wrong associated data, or a ciphertext that was
 * altered or truncated. Callers must treat the data as hostile and use none of it.
 */
public class IntegrityException extends CryptoException {

    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
