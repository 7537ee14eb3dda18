package org.splitcast.license;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.account.Caller;
import org.splitcast.content.Content;
import org.splitcast.content.ContentKey;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.entitlement.EntitlementService;
import org.splitcast.entitlement.EntitlementService.EntitlementCheck;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.keys.KeyOwner;
import org.splitcast.keys.KeyVault;
import org.splitcast.license.format.GrantComposer;
import org.splitcast.license.format.GrantKeys;
import org.splitcast.license.format.License;
import org.splitcast.license.format.Nonces;
import org.splitcast.license.metrics.LicenseMetrics;
import org.splitcast.precompute.AccessComputation;
import org.splitcast.precompute.PrecomputedAccessStore;
import org.splitcast.precompute.StoredAccess;
import org.splitcast.recommendation.DefaultRecommendationEngine;
import org.splitcast.subscriber.Subscriber;
import org.splitcast.terminal.Terminal;
import org.splitcast.terminal.TerminalStatus;

/** {@link LicenseIssuer}: steps 130-150 of seed 003. */
@Stateless
public class DefaultLicenseIssuer implements LicenseIssuer {

    private static final Logger LOG = Logger.getLogger(DefaultLicenseIssuer.class);

    @PersistenceContext
    EntityManager em;

    @EJB
    KeyVault vault;

    @EJB
    EntitlementService entitlements;

    @EJB
    PrecomputedAccessStore store;

    @EJB
    AccessComputation computation;

    @EJB
    InFlightLimiter inFlight;

    @EJB
    DefaultRecommendationEngine recommendations;

    @Inject
    LicenseMetrics metrics;

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

    private final GrantComposer grants = new GrantComposer(CryptoProvider.getDefault());

    @Override
    public IssuedLicense issue(Caller caller, LicenseRequest request)
            throws UnknownEntityException, LicenseRefusedException, InvalidRequestException {
        long started = System.nanoTime();
        // step 114 counts every request received at step 130, whatever its outcome
        metrics.received();
        try {
            IssuedLicense license = checkedIssue(caller, request);
            metrics.issued(license.source(), System.nanoTime() - started);
            return license;
        } catch (LicenseRefusedException | UnknownEntityException | InvalidRequestException e) {
            metrics.refused(e.code());
            throw e;
        }
    }

    private IssuedLicense checkedIssue(Caller caller, LicenseRequest request)
            throws UnknownEntityException, LicenseRefusedException, InvalidRequestException {
        // step 130: who asks, for which terminal and content, and may they?
        if (!Nonces.isValid(request.nonce())) {
            throw new InvalidRequestException("nonce must be base64url without padding of 16 to 64 random bytes");
        }
        Terminal terminal = em.find(Terminal.class, request.terminalId());
        if (terminal == null) {
            throw new UnknownEntityException("terminal", request.terminalId());
        }
        if (!caller.mayAccessSubscriber(terminal.subscriberId())) {
            throw new LicenseRefusedException(
                    ErrorCode.FORBIDDEN, "terminal '" + terminal.id() + "' is not one of your terminals");
        }
        if (terminal.status() != TerminalStatus.ACTIVE) {
            throw new LicenseRefusedException(
                    ErrorCode.TERMINAL_REVOKED, "terminal '" + terminal.id() + "' has been revoked");
        }
        Content content = em.find(Content.class, request.contentId());
        if (content == null) {
            throw new UnknownEntityException("content", request.contentId());
        }
        // checks at the precise time (an entitlement granted a moment ago counts); the license's
        // own times are whole seconds (NumericDate), never earlier than the check
        Instant checkedAt = Instant.now();
        Instant now = checkedAt.truncatedTo(ChronoUnit.SECONDS);
        String subscriberId = terminal.subscriberId();
        EntitlementCheck entitlement = entitlements.check(subscriberId, content.id(), checkedAt);
        if (!entitlement.entitled()) {
            throw new LicenseRefusedException(
                    ErrorCode.NOT_ENTITLED,
                    "subscriber '" + subscriberId + "' holds no current entitlement to content '" + content.id() + "'");
        }
        if (!inFlight.tryAcquire(subscriberId, maxInFlight)) {
            throw new LicenseRefusedException(
                    ErrorCode.TOO_MANY_IN_FLIGHT,
                    "subscriber '" + subscriberId + "' already has " + maxInFlight
                            + " license requests in progress; retry when one has finished");
        }
        try {
            Long playsBefore = checkPlayLimit(subscriberId, content, checkedAt);
            ContentKey key = currentKey(content);

            // step 141: is the access block precomputed? 146 on a hit, 142 on a miss
            AccessSource source = AccessSource.PRECOMPUTED;
            StoredAccess access = store.find(terminal.id(), content.id(), key.keyId(), now.plus(minRemaining))
                    .orElse(null);
            if (access == null) {
                source = AccessSource.COMPUTED;
                // computed "at" the request's time, so that the block is never younger than the grant
                // that the same request finishes it with (both are whole seconds)
                access = computation.computeAndStore(terminal, content, key, "miss", now);
            }

            // step 144: the grant, bound to this request by its nonce
            String licenseId = "lic-" + UUID.randomUUID();
            Instant notAfter = earliest(now.plus(validity), access.expiresAt(), entitlement.validUntil());
            String grant = grant(terminal, access, licenseId, request.nonce(), now, notAfter);
            // the record keeps the precise time of the request (the license itself has whole
            // seconds): the history sweep orders it against other events, such as a removal
            em.persist(new LicenseIssue(
                    licenseId,
                    subscriberId,
                    terminal.id(),
                    content.id(),
                    key.keyId(),
                    source,
                    checkedAt.truncatedTo(ChronoUnit.MICROS),
                    notAfter));
            // the viewing history (database 56) grows with the license; the active list takes it
            // from license_issue at the next precompute run (nothing more to write here)
            recommendations.viewed(subscriberId, terminal.id(), content.id(), now);
            LOG.debugf("License %s for terminal %s, content %s (%s)", licenseId, terminal.id(), content.id(), source);
            // step 150
            return new IssuedLicense(
                    License.FORMAT,
                    licenseId,
                    content.id(),
                    terminal.id(),
                    key.keyId(),
                    access.accessBlock(),
                    grant,
                    source,
                    playsBefore == null
                            ? null
                            : (int) Math.max(0, content.rules().maxPlays() - playsBefore - 1));
        } finally {
            inFlight.release(subscriberId, maxInFlight);
        }
    }

    /**
     * The access rules' play count: at most maxPlays licenses per subscriber and content within
     * the window. The subscriber's row is locked first, so that two concurrent requests cannot
     * both see the last play left.
     *
     * @return the plays counted in the window before this one, or null when plays are unlimited
     */
    private Long checkPlayLimit(String subscriberId, Content content, Instant now) throws LicenseRefusedException {
        Integer maxPlays = content.rules().maxPlays();
        if (maxPlays == null) {
            return null;
        }
        em.find(Subscriber.class, subscriberId, LockModeType.PESSIMISTIC_WRITE);
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

    private ContentKey currentKey(Content content) {
        List<ContentKey> keys = em.createNamedQuery("ContentKey.findCurrentForContents", ContentKey.class)
                .setParameter("contentIds", List.of(content.id()))
                .getResultList();
        if (keys.isEmpty()) {
            throw new IllegalStateException("content " + content.id() + " has no current key");
        }
        return keys.get(0);
    }

    private String grant(
            Terminal terminal, StoredAccess access, String licenseId, String nonce, Instant now, Instant notAfter) {
        byte[] grantKey = access.grantKey();
        byte[] kt = null;
        try {
            if (grantKey == null) {
                kt = vault.open(terminal.wrappedKey(), KeyOwner.terminal(terminal.id()));
                grantKey = GrantKeys.fromTerminalKey(kt, CryptoProvider.getDefault());
            }
            return grants.compose(access.accessBlock(), grantKey, licenseId, nonce, now, now, notAfter);
        } finally {
            SecretKeys.wipe(grantKey);
            if (kt != null) {
                SecretKeys.wipe(kt);
            }
        }
    }

    private static Instant earliest(Instant a, Instant b, Instant orNull) {
        Instant min = a.isBefore(b) ? a : b;
        return orNull != null && orNull.isBefore(min) ? orNull : min;
    }
}
