package org.splitcast.registry.terminal;

/**
 * A terminal as other modules see it: never a secret key.
 *
 * @param publicKeyDer the registered public key (SubjectPublicKeyInfo DER) of a public-key
 *     terminal; null for {@link TerminalKeyType#AES_256}, whose KT only {@link
 *     TerminalDirectory#openSymmetricKey} gives
 */
public record TerminalRecord(
        String id, String subscriberId, TerminalKeyType keyType, TerminalStatus status, byte[] publicKeyDer) {

    public boolean isActive() {
        return status == TerminalStatus.ACTIVE;
    }
}
