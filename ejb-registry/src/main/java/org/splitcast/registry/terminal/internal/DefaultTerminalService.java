package org.splitcast.registry.terminal.internal;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;
import org.splitcast.common.Ids;
import org.splitcast.common.Timestamps;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.PublicKeyCodec;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.account.Callers;
import org.splitcast.registry.events.TerminalRegistered;
import org.splitcast.registry.events.TerminalRemoved;
import org.splitcast.registry.events.TerminalRevoked;
import org.splitcast.registry.keys.KeyOwner;
import org.splitcast.registry.keys.KeyVault;
import org.splitcast.registry.subscriber.internal.Subscriber;
import org.splitcast.registry.terminal.NewTerminal;
import org.splitcast.registry.terminal.TerminalService;
import org.splitcast.registry.terminal.TerminalStatus;
import org.splitcast.registry.terminal.TerminalView;

/** {@link TerminalService} on JPA and the {@link KeyVault}. */
@Stateless
@RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
public class DefaultTerminalService implements TerminalService {

    private static final Logger LOG = Logger.getLogger(DefaultTerminalService.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    KeyVault vault;

    @EJB
    Callers callers;

    @Inject
    Event<TerminalRegistered> registered;

    @Inject
    Event<TerminalRevoked> revoked;

    @Inject
    Event<TerminalRemoved> removed;

    @Override
    public TerminalView register(String subscriberId, NewTerminal request)
            throws UnknownEntityException, DuplicateEntityException, InvalidRequestException, AccessDeniedException {
        callers.requireAccessToSubscriber(subscriberId);
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
                registered.fire(new TerminalRegistered(id, subscriberId, now));
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
        // step 112 (license server): the subscriber of a new terminal is an active user
        registered.fire(new TerminalRegistered(id, subscriberId, now));
        LOG.infof("Terminal %s registered for subscriber %s with a %s public key", id, subscriberId, key.kind());
        return view(terminal);
    }

    @Override
    public List<TerminalView> listFor(String subscriberId) throws UnknownEntityException, AccessDeniedException {
        callers.requireAccessToSubscriber(subscriberId);
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
    public TerminalView get(String terminalId) throws UnknownEntityException, AccessDeniedException {
        Terminal terminal = find(terminalId);
        callers.requireAccessToSubscriber(terminal.subscriberId());
        return view(terminal);
    }

    @Override
    public TerminalView get(String subscriberId, String terminalId)
            throws UnknownEntityException, AccessDeniedException {
        return view(findOf(subscriberId, terminalId));
    }

    @Override
    public TerminalView revoke(String subscriberId, String terminalId)
            throws UnknownEntityException, AccessDeniedException {
        Terminal terminal = findOf(subscriberId, terminalId);
        boolean wasActive = terminal.status() == TerminalStatus.ACTIVE;
        Instant now = Timestamps.now();
        terminal.revoke(now);
        if (wasActive) {
            revoked.fire(new TerminalRevoked(terminalId, terminal.subscriberId(), now));
        }
        LOG.infof("Terminal %s revoked", terminalId);
        return view(terminal);
    }

    @Override
    public void delete(String subscriberId, String terminalId) throws UnknownEntityException, AccessDeniedException {
        Terminal terminal = findOf(subscriberId, terminalId);
        // the license server's rows of the terminal go with it (ON DELETE CASCADE)
        em.remove(terminal);
        removed.fire(new TerminalRemoved(terminalId, terminal.subscriberId(), Timestamps.now()));
        LOG.infof("Terminal %s removed", terminalId);
    }

    /** One of the subscriber's terminals, if the caller may see the subscriber's data. */
    private Terminal findOf(String subscriberId, String terminalId)
            throws UnknownEntityException, AccessDeniedException {
        callers.requireAccessToSubscriber(subscriberId);
        Terminal terminal = terminalId == null ? null : em.find(Terminal.class, terminalId);
        if (terminal == null || !terminal.subscriberId().equals(subscriberId)) {
            throw new UnknownEntityException("terminal of subscriber " + subscriberId, terminalId);
        }
        return terminal;
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
