package org.splitcast.session.live.internal;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.PublicKeyCodec;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.error.ErrorCode;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.multicast.auth.AuthenticationException;
import org.splitcast.multicast.auth.Challenge;
import org.splitcast.multicast.auth.ChallengeStore;
import org.splitcast.multicast.auth.SessionAuthenticator;
import org.splitcast.multicast.group.GroupMetrics;
import org.splitcast.multicast.group.MembershipException;
import org.splitcast.multicast.group.MulticastGroup;
import org.splitcast.multicast.publish.MainStreamWindow;
import org.splitcast.registry.entitlement.EntitlementDirectory;
import org.splitcast.registry.terminal.TerminalDirectory;
import org.splitcast.registry.terminal.TerminalRecord;
import org.splitcast.session.live.LiveChallenge;
import org.splitcast.session.live.LiveChannelSettings;
import org.splitcast.session.live.LiveGroupMetrics;
import org.splitcast.session.live.LiveGroupView;
import org.splitcast.session.live.LiveProblemException;
import org.splitcast.session.live.LiveService;

/**
 * {@link LiveService}. A terminal needs no account: it answers a one-time challenge with a proof
 * made with its key (claim 2), checked against the key the registry holds for it; then its status
 * and its subscriber's entitlement to the content are checked, every time (open and renew). The
 * new SK goes to the group's key tree, to the database sealed under the master key, and to the
 * terminal wrapped for its own key; this bean wipes its copy.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultLiveService implements LiveService {

    private static final Logger LOG = Logger.getLogger(DefaultLiveService.class);
    static final int MAX_ID = 64;
    static final int MAX_PROOF = 2048;

    @EJB
    LiveChannels channels;

    @EJB
    LiveStore store;

    @EJB
    TerminalDirectory terminals;

    @EJB
    EntitlementDirectory entitlements;

    @Inject
    @ConfigProperty(name = "splitcast.live.challenge-lifetime", defaultValue = "PT2M")
    Duration challengeLifetime;

    private final CryptoProvider crypto = CryptoProvider.getDefault();

    /** The database as the authenticator's challenge store: a take commits at once. */
    private SessionAuthenticator authenticator() {
        ChallengeStore challenges = new ChallengeStore() {
            @Override
            public void put(Challenge challenge) {
                store.putChallenge(challenge);
            }

            @Override
            public Optional<Challenge> take(String challengeId) {
                return store.takeChallenge(challengeId);
            }
        };
        return new SessionAuthenticator(challenges, challengeLifetime, Clock.systemUTC(), crypto);
    }

    @Override
    public LiveChallenge challenge(String terminalId) throws UnknownEntityException {
        TerminalRecord terminal = terminal(terminalId);
        Challenge c = authenticator().issue(terminal.id());
        if (Math.floorMod(c.nonce().hashCode(), 64) == 0) {
            store.purgeChallenges(Instant.now().minus(Duration.ofMinutes(1)));
        }
        return new LiveChallenge(c.challengeId(), c.nonce(), c.expiresAt());
    }

    @Override
    public String open(String terminalId, String contentId, String challengeId, String proof)
            throws LiveProblemException, UnknownEntityException, InvalidRequestException {
        require("terminalId", terminalId);
        require("contentId", contentId);
        TerminalRecord terminal = authenticate(terminalId, contentId, challengeId, proof);
        requireAdmissible(terminal, contentId);
        LiveChannels.Channel channel = channels.channelOfContent(contentId);
        if (channel == null) {
            throw new UnknownEntityException("live channel for content", contentId);
        }
        String sessionId = UUID.randomUUID().toString();
        MulticastGroup.Admission a;
        TerminalKey key = terminalKey(terminal);
        try {
            a = channel.group().admit(sessionId, terminal.id(), key);
        } catch (MembershipException e) {
            throw membership(e);
        } finally {
            wipe(key);
        }
        try {
            store.saveSession(
                    sessionId,
                    terminal.id(),
                    contentId,
                    channel.groupId(),
                    a.sessionKey(),
                    Instant.now(),
                    a.grant().expiresAt());
        } catch (RuntimeException e) {
            try {
                channel.group().leave(sessionId, terminal.id());
            } catch (MembershipException ignored) {
                // already gone
            }
            throw e;
        } finally {
            SecretKeys.wipe(a.sessionKey());
        }
        LOG.debugf("Live session %s: terminal %s joined %s", sessionId, terminal.id(), channel.groupId());
        return a.grant().toJson();
    }

    @Override
    public String renew(String sessionId, String terminalId, String challengeId, String proof)
            throws LiveProblemException, UnknownEntityException, InvalidRequestException {
        require("terminalId", terminalId);
        LiveSessionRow row = session(sessionId);
        TerminalRecord terminal = authenticate(terminalId, row.contentId(), challengeId, proof);
        requireOwner(row, terminal.id());
        requireAdmissible(terminal, row.contentId());
        LiveChannels.Channel channel = channelOf(row);
        TerminalKey key = terminalKey(terminal);
        MulticastGroup.Admission a;
        try {
            a = channel.group().renew(sessionId, terminal.id(), key);
        } catch (MembershipException e) {
            throw membership(e);
        } finally {
            wipe(key);
        }
        try {
            store.renewSession(
                    sessionId, a.sessionKey(), Instant.now(), a.grant().expiresAt());
        } finally {
            SecretKeys.wipe(a.sessionKey());
        }
        return a.grant().toJson();
    }

    @Override
    public void leave(String sessionId, String terminalId, String challengeId, String proof)
            throws LiveProblemException, UnknownEntityException, InvalidRequestException {
        require("terminalId", terminalId);
        LiveSessionRow row = session(sessionId);
        TerminalRecord terminal = authenticate(terminalId, row.contentId(), challengeId, proof);
        requireOwner(row, terminal.id());
        LiveChannels.Channel channel = channelOf(row);
        try {
            channel.group().leave(sessionId, terminal.id());
        } catch (MembershipException e) {
            throw membership(e);
        } finally {
            store.endSession(sessionId, "LEFT", Instant.now());
        }
    }

    @Override
    public byte[] keyPath(String sessionId, String terminalId) throws LiveProblemException, UnknownEntityException {
        LiveSessionRow row = session(sessionId);
        if (!row.terminalId().equals(terminalId)) {
            throw new LiveProblemException(ErrorCode.NOT_YOUR_SESSION, "the session belongs to another terminal");
        }
        try {
            return channelOf(row).group().keyPath(sessionId, terminalId);
        } catch (MembershipException e) {
            throw membership(e);
        }
    }

    @Override
    public byte[] mainRange(String groupId, long chunkSeq) throws UnknownEntityException {
        MainStreamWindow window = channels.window(groupId);
        if (window == null) {
            throw new UnknownEntityException("live channel", groupId);
        }
        byte[] range = window.get(chunkSeq);
        if (range == null) {
            throw new UnknownEntityException(
                    "chunk in the live window of " + groupId, Long.toString(chunkSeq) + " (not, or no longer, in it)");
        }
        return range;
    }

    @Override
    public String verificationKey() throws LiveProblemException {
        String key = channels.verificationKey();
        if (key == null) {
            throw new LiveProblemException(
                    ErrorCode.NOT_READY, "the live publisher is still starting; retry in a few seconds");
        }
        return key;
    }

    @Override
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
    public List<LiveGroupView> groups() {
        return channels.channels().stream().map(this::view).toList();
    }

    @Override
    @RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE})
    public Optional<LiveGroupMetrics> metrics(String groupId) {
        LiveChannels.Channel c = channels.channel(groupId);
        GroupMetrics m = c == null ? null : channels.metrics(groupId);
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(new LiveGroupMetrics(
                c.groupId(),
                c.contentId(),
                m.members(),
                m.subscribedEdges(),
                m.chunksPublished(),
                m.chunksSkipped(),
                m.framesSent(),
                m.bytesSent(),
                m.bytesPerSecond(),
                m.rekeys(),
                m.keyMessageBytes(),
                m.trafficKeyPeriod()));
    }

    @Override
    @RolesAllowed(OPERATOR_ROLE)
    public LiveGroupView openChannel(String groupId, LiveChannelSettings settings)
            throws UnknownEntityException, InvalidRequestException, LiveProblemException {
        require("group", groupId);
        if (!groupId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new InvalidRequestException("group: letters, digits, '.', '_' and '-', at most 64");
        }
        if (settings == null
                || settings.contentId() == null
                || settings.contentId().isBlank()) {
            throw new InvalidRequestException("contentId: name the content to broadcast");
        }
        if (settings.speed() != null && (settings.speed() < 0 || settings.speed() > 64)) {
            throw new InvalidRequestException("speed: from 0 (as fast as possible) to 64");
        }
        for (Duration d : new Duration[] {settings.keyPeriod(), settings.sessionLifetime()}) {
            if (d != null && (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(1)) > 0)) {
                throw new InvalidRequestException("keyPeriod and sessionLifetime: positive, at most a day");
            }
        }
        if (!channels.running()) {
            throw new LiveProblemException(
                    ErrorCode.NOT_READY, "the live publisher is still starting; retry in a few seconds");
        }
        try {
            return view(channels.open(groupId, settings));
        } catch (IllegalArgumentException e) {
            throw new UnknownEntityException("stored version of content", settings.contentId());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open live channel " + groupId, e);
        }
    }

    @Override
    @RolesAllowed(OPERATOR_ROLE)
    public void closeChannel(String groupId) throws UnknownEntityException {
        if (!channels.close(groupId)) {
            throw new UnknownEntityException("live channel", groupId);
        }
    }

    private LiveGroupView view(LiveChannels.Channel c) {
        GroupMetrics m = channels.metrics(c.groupId());
        return new LiveGroupView(
                c.groupId(),
                c.contentId(),
                m == null ? 0 : m.members(),
                m == null ? 0 : m.bytesPerSecond(),
                m == null ? 0 : m.rekeys(),
                m == null ? 0 : m.trafficKeyPeriod());
    }

    private TerminalRecord terminal(String terminalId) throws UnknownEntityException {
        if (terminalId == null || terminalId.isEmpty() || terminalId.length() > MAX_ID) {
            throw new UnknownEntityException("terminal", String.valueOf(terminalId));
        }
        return terminals.find(terminalId).orElseThrow(() -> new UnknownEntityException("terminal", terminalId));
    }

    private TerminalRecord authenticate(String terminalId, String contentId, String challengeId, String proof)
            throws UnknownEntityException, LiveProblemException, InvalidRequestException {
        require("challengeId", challengeId);
        require("proof", proof);
        if (proof.length() > MAX_PROOF) {
            throw new InvalidRequestException("proof: at most " + MAX_PROOF + " characters");
        }
        TerminalRecord terminal = terminal(terminalId);
        TerminalKey key = terminalKey(terminal);
        try {
            authenticator().authenticate(terminal.id(), contentId, challengeId, proof, key);
            return terminal;
        } catch (AuthenticationException e) {
            LOG.debugf("Live proof of terminal %s refused: %s", terminal.id(), e.reason());
            throw new LiveProblemException(code(e.reason()), e.getMessage());
        } finally {
            wipe(key);
        }
    }

    private void requireAdmissible(TerminalRecord terminal, String contentId) throws LiveProblemException {
        if (!terminal.isActive()) {
            throw new LiveProblemException(
                    ErrorCode.TERMINAL_REVOKED, "terminal '" + terminal.id() + "' has been revoked");
        }
        if (!entitlements.isEntitled(terminal.subscriberId(), contentId, Instant.now())) {
            throw new LiveProblemException(
                    ErrorCode.NOT_ENTITLED,
                    "the subscriber of terminal '" + terminal.id() + "' is not entitled to content '" + contentId
                            + "' now");
        }
    }

    private LiveSessionRow session(String sessionId) throws UnknownEntityException {
        LiveSessionRow row = store.findSession(sessionId).orElse(null);
        if (row == null || !row.isOpen(Instant.now())) {
            throw new UnknownEntityException("open live session", String.valueOf(sessionId));
        }
        return row;
    }

    private static void requireOwner(LiveSessionRow row, String terminalId) throws LiveProblemException {
        if (!row.terminalId().equals(terminalId)) {
            throw new LiveProblemException(ErrorCode.NOT_YOUR_SESSION, "the session belongs to another terminal");
        }
    }

    private LiveChannels.Channel channelOf(LiveSessionRow row) throws UnknownEntityException {
        LiveChannels.Channel c = channels.channel(row.groupId());
        if (c == null) {
            throw new UnknownEntityException("live channel", row.groupId());
        }
        return c;
    }

    private TerminalKey terminalKey(TerminalRecord terminal) {
        if (terminal.keyType().isSymmetric()) {
            return new TerminalKey.Symmetric(terminals.openSymmetricKey(terminal.id()));
        }
        return new TerminalKey.Public(
                new PublicKeyCodec(crypto).parse(terminal.publicKeyDer()).key());
    }

    private static void wipe(TerminalKey key) {
        if (key instanceof TerminalKey.Symmetric s) {
            SecretKeys.wipe(s.kt());
        }
    }

    private static void require(String field, String value) throws InvalidRequestException {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field + ": required");
        }
        if (value.length() > MAX_ID && !field.equals("proof")) {
            throw new InvalidRequestException(field + ": at most " + MAX_ID + " characters");
        }
    }

    private static ErrorCode code(AuthenticationException.Reason reason) {
        return switch (reason) {
            case UNKNOWN_CHALLENGE -> ErrorCode.UNKNOWN_CHALLENGE;
            case EXPIRED_CHALLENGE -> ErrorCode.EXPIRED_CHALLENGE;
            case WRONG_TERMINAL -> ErrorCode.WRONG_TERMINAL;
            case BAD_PROOF -> ErrorCode.BAD_PROOF;
            case UNSUPPORTED_KEY -> ErrorCode.UNSUPPORTED_KEY;
        };
    }

    /** The membership failure as a problem: returned when it is one, thrown when it is a 404. */
    private static LiveProblemException membership(MembershipException e) throws UnknownEntityException {
        return switch (e.reason()) {
            case NOT_YOUR_SESSION -> new LiveProblemException(ErrorCode.NOT_YOUR_SESSION, e.getMessage());
            case SESSION_EXISTS -> new LiveProblemException(ErrorCode.CONFLICT, e.getMessage());
            default -> throw new UnknownEntityException("open live session", "(ended, lapsed or never opened)");
        };
    }
}
