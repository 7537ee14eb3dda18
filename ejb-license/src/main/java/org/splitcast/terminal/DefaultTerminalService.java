package org.splitcast.terminal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;
import org.splitcast.activity.ActiveUsers;
import org.splitcast.activity.ActivityReason;
import org.splitcast.common.Ids;
import org.splitcast.common.Timestamps;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.PublicKeyCodec;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.keys.KeyOwner;
import org.splitcast.keys.KeyVault;
import org.splitcast.precompute.PrecomputedAccessStore;
import org.splitcast.subscriber.Subscriber;

/** {@link TerminalService} on JPA and the {@link KeyVault}. */
@Stateless
public class DefaultTerminalService implements TerminalService {

    private static final Logger LOG = Logger.getLogger(DefaultTerminalService.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    KeyVault vault;

    @EJB
    PrecomputedAccessStore store;

    @EJB
    ActiveUsers activeUsers;

    @Override
    public TerminalView register(String subscriberId, NewTerminal request)
            throws UnknownEntityException, DuplicateEntityException, InvalidRequestException {
        Subscriber subscriber = em.find(Subscriber.class, subscriberId);
        if (subscriber == null) {
            throw new UnknownEntityException("subscriber", subscriberId);
        }
        String id = Ids.orNew(request.id());
        if (em.find(Terminal.class, id) != null) {
            throw new DuplicateEntityException("terminal", "id", id);
        }
        String label = request.label().strip();
        Instant now = Timestamps.now();
        CryptoProvider crypto = CryptoProvider.getDefault();
        if (request.keyType().isSymmetric()) {
            if (request.publicKey() != null) {
                throw new InvalidRequestException(
                        ErrorCode.INVALID_KEY, "an AES_256 terminal gets its key from the server: send no publicKey");
            }
            byte[] kt = crypto.randomBytes(SecretKeys.AES_256_BYTES);
            try {
                Terminal terminal =
                        Terminal.withSymmetricKey(id, subscriber, label, vault.seal(kt, KeyOwner.terminal(id)), now);
                em.persist(terminal);
                activeUsers.activate(subscriberId, ActivityReason.NEW_TERMINAL, now);
                LOG.infof("Terminal %s registered for subscriber %s with a generated AES-256 key", id, subscriberId);
                return view(terminal).withProvisioningKey(Base64.getEncoder().encodeToString(kt));
            } finally {
                SecretKeys.wipe(kt);
            }
        }
        if (request.publicKey() == null) {
            throw new InvalidRequestException(
                    ErrorCode.INVALID_KEY, "a " + request.keyType() + " terminal must send its publicKey");
        }
        PublicKeyCodec.ParsedPublicKey key;
        try {
            key = new PublicKeyCodec(crypto).parse(request.publicKey());
        } catch (PublicKeyCodec.InvalidKeyException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_KEY, "publicKey: " + e.getMessage());
        }
        if (key.kind() != request.keyType().publicKeyKind()) {
            throw new InvalidRequestException(
                    ErrorCode.INVALID_KEY,
                    "keyType is " + request.keyType() + " but publicKey is a " + key.kind() + " key");
        }
        Terminal terminal = Terminal.withPublicKey(id, subscriber, label, request.keyType(), key.der(), now);
        em.persist(terminal);
        // step 112: the subscriber of a new terminal is an active user
        activeUsers.activate(subscriberId, ActivityReason.NEW_TERMINAL, now);
        LOG.infof("Terminal %s registered for subscriber %s with a %s public key", id, subscriberId, key.kind());
        return view(terminal);
    }

    @Override
    public List<TerminalView> listFor(String subscriberId) throws UnknownEntityException {
        if (em.find(Subscriber.class, subscriberId) == null) {
            throw new UnknownEntityException("subscriber", subscriberId);
        }
        return em.createNamedQuery("Terminal.findBySubscriber", Terminal.class)
                .setParameter("subscriberId", subscriberId)
                .getResultStream()
                .map(DefaultTerminalService::view)
                .toList();
    }

    @Override
    public TerminalView get(String terminalId) throws UnknownEntityException {
        return view(find(terminalId));
    }

    @Override
    public TerminalView revoke(String terminalId) throws UnknownEntityException {
        Terminal terminal = find(terminalId);
        terminal.revoke(Timestamps.now());
        int dropped = store.deleteForTerminal(terminalId);
        LOG.infof("Terminal %s revoked (%d precomputed access blocks dropped)", terminalId, dropped);
        return view(terminal);
    }

    @Override
    public void delete(String terminalId) throws UnknownEntityException {
        Terminal terminal = find(terminalId);
        int dropped = store.deleteForTerminal(terminalId);
        em.remove(terminal);
        LOG.infof("Terminal %s removed (%d precomputed access blocks dropped)", terminalId, dropped);
    }

    private Terminal find(String id) throws UnknownEntityException {
        Terminal terminal = id == null ? null : em.find(Terminal.class, id);
        if (terminal == null) {
            throw new UnknownEntityException("terminal", id);
        }
        return terminal;
    }

    private static TerminalView view(Terminal t) {
        return new TerminalView(
                t.id(),
                t.subscriberId(),
                t.label(),
                t.keyType(),
                t.status(),
                t.publicKey() == null ? null : PublicKeyCodec.toPem(t.publicKey()),
                t.registeredAt(),
                t.revokedAt(),
                null);
    }
}
