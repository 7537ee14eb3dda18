package org.splitcast.registry.terminal;

import java.time.Instant;

/**
 * A terminal as the API shows it.
 *
 * @param publicKey the registered public key as PEM (public-key terminals)
 * @param provisioningKey the symmetric KT, base64 — present only in the response to the
 *     registration of an AES_256 terminal, and never again
 */
public record TerminalView(
        String id,
        String subscriberId,
        String label,
        TerminalKeyType keyType,
        TerminalStatus status,
        String publicKey,
        Instant registeredAt,
        Instant revokedAt,
        String provisioningKey) {

    /** This view with the symmetric key KT, for the one response that carries it. */
    public TerminalView withProvisioningKey(String base64Key) {
        return new TerminalView(
                id, subscriberId, label, keyType, status, publicKey, registeredAt, revokedAt, base64Key);
    }

    @Override
    public String toString() {
        // never the provisioning key, should this end up in a log
        return "TerminalView[id=" + id + ", subscriberId=" + subscriberId + ", keyType=" + keyType + ", status="
                + status + "]";
    }
}
