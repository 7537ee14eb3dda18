package org.splitcast.license.internal;

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
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.AccessSource;
import org.splitcast.license.IssuedLicense;
import org.splitcast.license.LicenseIssued;
import org.splitcast.license.LicenseIssuer;
import org.splitcast.license.LicenseRefusedException;
import org.splitcast.license.LicenseRequest;
import org.splitcast.license.format.GrantComposer;
import org.splitcast.license.format.GrantKeys;
import org.splitcast.license.format.License;
import org.splitcast.license.format.Nonces;
import org.splitcast.license.metrics.internal.LicenseMetrics;
import org.splitcast.license.precompute.internal.AccessComputation;
import org.splitcast.license.precompute.internal.PrecomputedAccessCache;
import org.splitcast.license.precompute.internal.PrecomputedAccessStore;
import org.splitcast.license.precompute.internal.StoredAccess;
import org.splitcast.registry.account.Callers;
import org.splitcast.registry.content.ContentDirectory;
import org.splitcast.registry.content.ContentRecord;
import org.splitcast.registry.entitlement.EntitlementDirectory;
import org.splitcast.registry.entitlement.EntitlementDirectory.EntitlementCheck;
import org.splitcast.registry.entitlement.EntitlementDirectory.Period;
import org.splitcast.registry.subscriber.SubscriberDirectory;
import org.splitcast.registry.terminal.TerminalDirectory;
import org.splitcast.registry.terminal.TerminalRecord;

/**
 * {@link LicenseIssuer}: steps 130-150 of seed 003. It reads the registry (terminal, content and
 * its current key, entitlements) through its directories only, and announces each license with a
 * {@link LicenseIssued} event that its observers see once the license's record is committed.
 */
@Stateless
@RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
public class DefaultLicenseIssuer implements LicenseIssuer {

    private static final Logger LOG = Logger.getLogger(DefaultLicenseIssuer.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    Callers callers;

    @EJB
    TerminalDirectory terminals;

    @EJB
    ContentDirectory contents;

    @EJB
    SubscriberDirectory subscribers;

    @EJB
    EntitlementDirectory entitlements;

    @EJB
    PrecomputedAccessStore store;

    @EJB
    AccessComputation computation;

    @EJB
    InFlightLimiter inFlight;

    @Inject
    Event<LicenseIssued> issued;

    @Inject
    LicenseMetrics metrics;

    @Inject
    RegistryReadCache registry;

    @Inject
    PrecomputedAccessCache accessCache;

    @Inject
    LicenseRecordWriter records;

    /**
     * Whether the license records of contents without a play limit are written by the group commit
     * ({@link LicenseRecordWriter}); false: each in its request's own transaction.
     */
    @Inject
    @ConfigProperty(name = "splitcast.license.group-commit", defaultValue = "true")
    boolean groupCommit;

    /** How long a license is valid after it is issued (capped by the access block and the entitlement). */
    @Inject
    @ConfigProperty(name = "splitcast.license.validity", defaultValue = "PT1H")
    Duration validity;

    /** A stored access block is used only if it stays valid at least this long. */
    @Inject
    @ConfigProperty(name = "splitcast.license.min-access-remaining", defaultValue = "PT5M")
    Duration minRemaining;

    /** License requests one subscriber may have in progress at once on a node; 0: no limit. */
    @Inject
    @ConfigProperty(name = "splitcast.license.max-in-flight-per-subscriber", defaultValue = "0")
    int maxInFlight;

    /** Remembers the expiry and binding of the blocks it finishes: a hit reuses its block (issue 12). */
    private final GrantComposer grants = new GrantComposer(CryptoProvider.getDefault(), 100_000);

    @Override
    public IssuedLicense issue(LicenseRequest request)
            throws UnknownEntityException, LicenseRefusedException, InvalidRequestException, AccessDeniedException {
        long started = System.nanoTime();
        // step 114 counts every request received at step 130, whatever its outcome
        metrics.received();
        try {
            IssuedLicense license = checkedIssue(request);
            metrics.issued(license.source(), System.nanoTime() - started);
            return license;
        } catch (LicenseRefusedException | UnknownEntityException | InvalidRequestException | AccessDeniedException e) {
            metrics.refused(e.code());
            throw e;
        }
    }

    private IssuedLicense checkedIssue(LicenseRequest request)
            throws UnknownEntityException, LicenseRefusedException, InvalidRequestException, AccessDeniedException {
        // step 130: who asks, for which terminal and content, and may they?
        if (!Nonces.isValid(request.nonce())) {
            throw InvalidRequestException.field("nonce", "must be base64url without padding of 16 to 64 random bytes");
        }
        TerminalRecord terminal = registry.terminal(request.terminalId(), () -> terminals.find(request.terminalId()))
                .orElseThrow(() -> new UnknownEntityException("terminal", request.terminalId()));
        if (!callers.current().mayAccessSubscriber(terminal.subscriberId())) {
            throw new AccessDeniedException("terminal '" + terminal.id() + "' is not one of your terminals");
        }
        if (!terminal.isActive()) {
            throw new LicenseRefusedException(
                    ErrorCode.TERMINAL_REVOKED, "terminal '" + terminal.id() + "' has been revoked");
        }
        ContentRecord content = registry.content(request.contentId(), () -> contents.find(request.contentId()))
                .orElseThrow(() -> new UnknownEntityException("content", request.contentId()));
        if (content.currentKeyId() == null) {
            throw new IllegalStateException("content " + content.id() + " has no current key");
        }
        // checks at the precise time (an entitlement granted a moment ago counts); the license's
        // own times are whole seconds (NumericDate), never earlier than the check
        Instant checkedAt = Instant.now();
        Instant now = checkedAt.truncatedTo(ChronoUnit.SECONDS);
        String subscriberId = terminal.subscriberId();
        EntitlementCheck entitlement = Period.check(
                registry.entitlementPeriods(
                        subscriberId, content.id(), () -> entitlements.periods(subscriberId, content.id())),
                checkedAt);
        if (!entitlement.entitled()) {
            throw new LicenseRefusedException(
                    ErrorCode.NOT_ENTITLED,
                    "subscriber '" + subscriberId + "' holds no current entitlement to content '" + content.id() + "'");
        }
        if (maxInFlight > 0 && !inFlight.tryAcquire(subscriberId, maxInFlight)) {
            throw new LicenseRefusedException(
                    ErrorCode.TOO_MANY_IN_FLIGHT,
                    "subscriber '" + subscriberId + "' already has " + maxInFlight
                            + " license requests in progress; retry when one has finished");
        }
        try {
            Long playsBefore = checkPlayLimit(subscriberId, content, checkedAt);
            String keyId = content.currentKeyId();

            // step 141: is the access block precomputed? 146 on a hit, 142 on a miss
            AccessSource source = AccessSource.PRECOMPUTED;
            // from memory on a hit; the table (outside this transaction) only when not cached
            Instant validAfter = now.plus(minRemaining);
            StoredAccess access =
                    accessCache.find(terminal.id(), content.id(), keyId, validAfter, () -> store.loadOutsideTransaction(
                                    terminal.id(), content.id(), keyId, validAfter)
                            .orElse(null));
            if (access == null) {
                source = AccessSource.COMPUTED;
                // computed "at" the request's time, so that the block is never younger than the grant
                // that the same request finishes it with (both are whole seconds)
                access = computation.computeAndStore(terminal, content, keyId, "miss", now);
            }

            // step 144: the grant, bound to this request by its nonce
            String licenseId = "lic-" + UUID.randomUUID();
            Instant notAfter = earliest(now.plus(validity), access.expiresAt(), entitlement.validUntil());
            String grant = grant(terminal, access, licenseId, request.nonce(), now, notAfter);
            // the record keeps the precise time of the request (the license itself has whole
            // seconds): the history sweep orders it against other events, such as a removal
            LicenseIssue record = new LicenseIssue(
                    licenseId,
                    subscriberId,
                    terminal.id(),
                    content.id(),
                    keyId,
                    source,
                    checkedAt.truncatedTo(ChronoUnit.MICROS),
                    notAfter);
            // the nonce is recorded last, with the license record and in the same transaction: a
            // request holds no database connection while it waits for a computation of the same
            // triple (whose store needs one), and a refused replay uses no play
            LicenseRecordWriter.Outcome written = playsBefore == null && groupCommit
                    // committed with other requests' rows (and nonces) before this returns
                    ? records.write(record, request.nonce(), now.plus(validity))
                    : LicenseRecordWriter.Outcome.ROLLED_BACK;
            if (written == LicenseRecordWriter.Outcome.NONCE_REUSED) {
                throw nonceReused(terminal.id());
            }
            if (written == LicenseRecordWriter.Outcome.ROLLED_BACK) {
                // alone, in this transaction: a play limit counts these rows under the subscriber's
                // lock; or the group commit's batch rolled back without this request's fault
                refuseReplay(terminal.id(), request.nonce(), checkedAt, now.plus(validity));
                em.persist(record);
            }
            // the viewing history (database 56) grows with the license once it is committed; the
            // active list takes it from license_issue at the next precompute run
            issued.fire(new LicenseIssued(licenseId, subscriberId, terminal.id(), content.id(), keyId, source, now));
            LOG.debugf("License %s for terminal %s, content %s (%s)", licenseId, terminal.id(), content.id(), source);
            // step 150
            return new IssuedLicense(
                    License.FORMAT,
                    licenseId,
                    content.id(),
                    terminal.id(),
                    keyId,
                    access.accessBlock(),
                    grant,
                    source,
                    playsBefore == null
                            ? null
                            : (int) Math.max(0, content.rules().maxPlays() - playsBefore - 1));
        } finally {
            if (maxInFlight > 0) {
                inFlight.release(subscriberId, maxInFlight);
            }
        }
    }

    /**
     * Replay refusal: records (terminal, nonce) until {@code until}, the latest a license issued
     * now can be valid, and refuses the request if the terminal sent that nonce before within that
     * time. Two statements on the primary key of {@code license_nonce}: an expired row of the same
     * nonce is deleted, then this one inserted; a row already there (committed, or inserted by a
     * concurrent twin, which the insert waits for) violates the key. The row goes with the request's
     * transaction: a refused request does not use its nonce up. The terminal's other expired nonces
     * are left to the sweep of {@code StoreHousekeeping} (deleting them here scanned every nonce of
     * the terminal on every request). The path of licenses counted by a play limit, and of a group
     * commit's batch that rolled back; {@link LicenseRecordWriter} does the same for a batch.
     */
    private void refuseReplay(String terminalId, String nonce, Instant now, Instant until)
            throws LicenseRefusedException {
        em.createNativeQuery("delete from license_nonce where terminal_id = ?1 and nonce = ?2 and expires_at <= ?3")
                .setParameter(1, terminalId)
                .setParameter(2, nonce)
                .setParameter(3, now)
                .executeUpdate();
        try {
            em.createNativeQuery("insert into license_nonce (terminal_id, nonce, expires_at) values (?1, ?2, ?3)")
                    .setParameter(1, terminalId)
                    .setParameter(2, nonce)
                    .setParameter(3, until)
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (!isKeyViolation(e)) {
                throw e;
            }
            LOG.debugf("nonce replayed by terminal %s: %s", terminalId, e.getMessage());
            throw nonceReused(terminalId);
        }
    }

    private static LicenseRefusedException nonceReused(String terminalId) {
        return new LicenseRefusedException(
                ErrorCode.NONCE_REUSED,
                "terminal '" + terminalId + "' already sent this nonce in an earlier license request;"
                        + " send a fresh random nonce with every request");
    }

    private static boolean isKeyViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The access rules' play count: at most maxPlays licenses per subscriber and content within
     * the window. The subscriber's row is locked first, so that two concurrent requests cannot
     * both see the last play left.
     *
     * @return the plays counted in the window before this one, or null when plays are unlimited
     */
    private Long checkPlayLimit(String subscriberId, ContentRecord content, Instant now)
            throws LicenseRefusedException {
        Integer maxPlays = content.rules().maxPlays();
        if (maxPlays == null) {
            return null;
        }
        subscribers.lock(subscriberId);
        Integer windowHours = content.rules().rentalWindowHours();
        Instant since = windowHours == null ? Instant.EPOCH : now.minus(Duration.ofHours(windowHours));
        long plays = em.createNamedQuery("LicenseIssue.countPlaysSince", Long.class)
                .setParameter("subscriberId", subscriberId)
                .setParameter("contentId", content.id())
                .setParameter("since", since)
                .getSingleResult();
        if (plays >= maxPlays) {
            throw new LicenseRefusedException(
                    ErrorCode.PLAY_LIMIT_REACHED,
                    "content '" + content.id() + "' allows " + maxPlays + " plays"
                            + (windowHours == null ? "" : " within " + windowHours + " hours")
                            + " and subscriber '" + subscriberId + "' has had them");
        }
        return plays;
    }

    private String grant(
            TerminalRecord terminal,
            StoredAccess access,
            String licenseId,
            String nonce,
            Instant now,
            Instant notAfter) {
        byte[] grantKey = access.grantKey();
        try {
            if (grantKey == null) {
                grantKey = registry.grantKey(terminal.id(), () -> {
                    byte[] kt = terminals.openSymmetricKey(terminal.id());
                    try {
                        return GrantKeys.fromTerminalKey(kt, CryptoProvider.getDefault());
                    } finally {
                        SecretKeys.wipe(kt);
                    }
                });
            }
            return grants.compose(access.accessBlock(), grantKey, licenseId, nonce, now, now, notAfter);
        } finally {
            SecretKeys.wipe(grantKey);
        }
    }

    private static Instant earliest(Instant a, Instant b, Instant orNull) {
        Instant min = a.isBefore(b) ? a : b;
        return orNull != null && orNull.isBefore(min) ? orNull : min;
    }
}
