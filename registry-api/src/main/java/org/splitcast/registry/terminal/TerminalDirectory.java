package org.splitcast.registry.terminal;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;

/**
 * What other modules read about terminals (the license server, the session server): owner, status
 * and key, with no authorization check. Boundaries (REST, SOAP, the portal) never use it: they go
 * through {@link TerminalService}, which applies the caller's rights.
 */
@Local
public interface TerminalDirectory {

    Optional<TerminalRecord> find(String terminalId);

    /** The subscriber's terminals, active and revoked, oldest first. */
    List<TerminalRecord> findBySubscriber(String subscriberId);

    /**
     * KT of a symmetric terminal, in clear, opened from its key-vault envelope. The caller owns the
     * array and wipes it when done.
     *
     * @throws IllegalArgumentException if the terminal does not exist or has a public key
     */
    byte[] openSymmetricKey(String terminalId);
}
