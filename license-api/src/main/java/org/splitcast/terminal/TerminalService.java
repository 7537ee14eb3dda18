package org.splitcast.terminal;

import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;

/** Registration, listing, revocation and removal of terminals. */
@Local
public interface TerminalService {

    /**
     * Registers a terminal for a subscriber. For {@link TerminalKeyType#AES_256} the result carries
     * the new key in {@link TerminalView#provisioningKey()}: this is the only time it leaves the
     * server.
     */
    TerminalView register(String subscriberId, @NotNull @Valid NewTerminal terminal)
            throws UnknownEntityException, DuplicateEntityException, InvalidRequestException;

    List<TerminalView> listFor(String subscriberId) throws UnknownEntityException;

    TerminalView get(String terminalId) throws UnknownEntityException;

    /** Revokes the terminal (idempotent). */
    TerminalView revoke(String terminalId) throws UnknownEntityException;

    void delete(String terminalId) throws UnknownEntityException;
}
