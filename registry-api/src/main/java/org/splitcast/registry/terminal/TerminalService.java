package org.splitcast.registry.terminal;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;

/**
 * Registration, listing, revocation and removal of terminals. Operators and integrators act on
 * every subscriber's terminals, a subscriber on their own only ({@link AccessDeniedException}).
 */
@Local
public interface TerminalService {

    /**
     * Registers a terminal for a subscriber. For {@link TerminalKeyType#AES_256} the result carries
     * the new key in {@link TerminalView#provisioningKey()}: this is the only time it leaves the
     * server.
     */
    TerminalView register(String subscriberId, @NotNull @Valid NewTerminal terminal)
            throws UnknownEntityException, DuplicateEntityException, InvalidRequestException, AccessDeniedException;

    List<TerminalView> listFor(String subscriberId) throws UnknownEntityException, AccessDeniedException;

    /** A terminal looked up by its id alone. */
    TerminalView get(String terminalId) throws UnknownEntityException, AccessDeniedException;

    /** One of the subscriber's terminals (another's id is not found). */
    TerminalView get(String subscriberId, String terminalId) throws UnknownEntityException, AccessDeniedException;

    /** Revokes one of the subscriber's terminals (idempotent). */
    TerminalView revoke(String subscriberId, String terminalId) throws UnknownEntityException, AccessDeniedException;

    /** Removes one of the subscriber's terminals. */
    void delete(String subscriberId, String terminalId) throws UnknownEntityException, AccessDeniedException;
}
