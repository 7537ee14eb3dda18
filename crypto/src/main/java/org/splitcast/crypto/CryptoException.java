package org.splitcast.crypto;

/**
 * A cryptographic operation failed. The message says which operation and algorithm; it never
 * carries key material, plaintext or ciphertext.
 */
public class CryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
