package org.splitcast.registry.terminal.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.splitcast.registry.keys.KeyOwner;
import org.splitcast.registry.keys.KeyVault;
import org.splitcast.registry.terminal.TerminalDirectory;
import org.splitcast.registry.terminal.TerminalRecord;

/** {@link TerminalDirectory} on the {@code terminal} table and the key vault. */
@Stateless
@PermitAll
public class JpaTerminalDirectory implements TerminalDirectory {

    @PersistenceContext
    EntityManager em;

    @EJB
    KeyVault vault;

    @Override
    public Optional<TerminalRecord> find(String terminalId) {
        return Optional.ofNullable(terminalId == null ? null : em.find(Terminal.class, terminalId))
                .map(JpaTerminalDirectory::record);
    }

    @Override
    public List<TerminalRecord> findBySubscriber(String subscriberId) {
        return em.createNamedQuery("Terminal.findBySubscriber", Terminal.class)
                .setParameter("subscriberId", subscriberId)
                .getResultStream()
                .map(JpaTerminalDirectory::record)
                .toList();
    }

    @Override
    public byte[] openSymmetricKey(String terminalId) {
        Terminal terminal = terminalId == null ? null : em.find(Terminal.class, terminalId);
        if (terminal == null || terminal.wrappedKey() == null) {
            throw new IllegalArgumentException("terminal " + terminalId + " has no symmetric key");
        }
        return vault.open(terminal.wrappedKey(), KeyOwner.terminal(terminalId));
    }

    private static TerminalRecord record(Terminal t) {
        return new TerminalRecord(t.id(), t.subscriberId(), t.keyType(), t.status(), t.publicKey());
    }
}
