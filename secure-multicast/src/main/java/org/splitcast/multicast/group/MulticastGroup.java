package org.splitcast.multicast.group;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.multicast.keys.GroupKeys;
import org.splitcast.multicast.keys.KeyMessage;
import org.splitcast.multicast.keys.KeyRef;
import org.splitcast.multicast.keys.LiveSigner;
import org.splitcast.multicast.keys.TrafficKey;
import org.splitcast.multicast.session.JoinTicket;
import org.splitcast.multicast.session.SessionGrant;

/**
 * One live channel's multicast group on the central server (claims 5 to 9): its members (one per
 * terminal session, each with its own session key SK and expiry), its keys ({@link GroupKeys}),
 * the key messages waiting to be published, and its counters. Membership calls come from the
 * server's request threads; {@link #tick} from the publisher. Thread-safe (one lock per group).
 */
public final class MulticastGroup {

    /** A member session: whose it is and until when its SK is valid. */
    private record Member(String terminalId, Instant expiresAt) {}

    /**
     * What admission or renewal gives: the grant for the terminal, and SK itself, which the server
     * may store (wrapped under its master key) and must then wipe.
     */
    public record Admission(SessionGrant grant, byte[] sessionKey) {
        @Override
        public String toString() {
            return "Admission[" + grant + ", sessionKey=(hidden)]";
        }
    }

    private final String groupId;
    private final String contentId;
    private final GroupPolicy policy;
    private final LiveSigner signer;
    private final CryptoProvider crypto;
    private final Clock clock;
    private final GroupKeys keys;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final List<KeyMessage> outbox = new ArrayList<>();
    private Instant periodStartedAt;

    private final AtomicLong chunksPublished = new AtomicLong();
    private final AtomicLong chunksSkipped = new AtomicLong();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong rekeys = new AtomicLong();
    private final AtomicLong keyMessageBytes = new AtomicLong();

    public MulticastGroup(
            String groupId,
            String contentId,
            GroupPolicy policy,
            LiveSigner signer,
            CryptoProvider crypto,
            Clock clock) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.contentId = Objects.requireNonNull(contentId, "contentId");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = new GroupKeys(groupId, signer, crypto, clock);
    }

    public String groupId() {
        return groupId;
    }

    public String contentId() {
        return contentId;
    }

    public GroupPolicy policy() {
        return policy;
    }

    /**
     * Admits an authenticated terminal session: a new SK, the member's leaf in the key tree, a
     * REKEY message for the group (queued) and the terminal's grant with its PATH message.
     *
     * @throws MembershipException (SESSION_EXISTS) if the session id is taken
     */
    public synchronized Admission admit(String sessionId, String terminalId, TerminalKey terminalKey)
            throws MembershipException {
        if (members.containsKey(sessionId)) {
            throw new MembershipException(MembershipException.Reason.SESSION_EXISTS, "session already admitted");
        }
        byte[] sk = crypto.randomBytes(32);
        String wrapped = SessionGrant.wrapSessionKey(terminalKey, sk, terminalId, crypto);
        keys.addMember(sessionId, sk);
        Instant expiresAt = clock.instant().plus(policy.sessionLifetime());
        members.put(sessionId, new Member(terminalId, expiresAt));
        boolean firstMember = members.size() == 1;
        enqueue(keys.rekey(false));
        if (firstMember) {
            periodStartedAt = clock.instant();
        }
        return new Admission(grant(sessionId, terminalId, expiresAt, wrapped), sk);
    }

    /**
     * Renews a member's session (claim 7): a new SK for that member alone, a new expiry, the path
     * keys refreshed (queued REKEY) and a new grant.
     *
     * @throws MembershipException if the session is unknown (lapsed or left) or another
     *     terminal's
     */
    public synchronized Admission renew(String sessionId, String terminalId, TerminalKey terminalKey)
            throws MembershipException {
        requireOwned(sessionId, terminalId);
        byte[] sk = crypto.randomBytes(32);
        String wrapped = SessionGrant.wrapSessionKey(terminalKey, sk, terminalId, crypto);
        keys.renewMember(sessionId, sk);
        Instant expiresAt = clock.instant().plus(policy.sessionLifetime());
        members.put(sessionId, new Member(terminalId, expiresAt));
        enqueue(keys.rekey(false));
        return new Admission(grant(sessionId, terminalId, expiresAt, wrapped), sk);
    }

    /** A member leaves: rekeyed per {@link GroupPolicy#onLeave()}. */
    public synchronized void leave(String sessionId, String terminalId) throws MembershipException {
        requireOwned(sessionId, terminalId);
        remove(List.of(sessionId), policy.onLeave());
    }

    /** Removes every session of a terminal (revocation); returns how many. */
    public synchronized int revokeTerminal(String terminalId) {
        List<String> sessions = new ArrayList<>();
        members.forEach((id, m) -> {
            if (m.terminalId.equals(terminalId)) {
                sessions.add(id);
            }
        });
        remove(sessions, policy.onRevoke());
        return sessions.size();
    }

    /**
     * The member's current PATH key message (for a terminal that missed key messages).
     *
     * @throws MembershipException if the session is unknown or another terminal's
     */
    public synchronized byte[] keyPath(String sessionId, String terminalId) throws MembershipException {
        requireOwned(sessionId, terminalId);
        flushPending();
        return keys.pathMessage(sessionId).encoded();
    }

    /**
     * The publisher's periodic work: ends lapsed sessions (rekey at once), starts a new key period
     * when the current one is over. Returns the key messages to publish now, oldest first.
     */
    public synchronized List<KeyMessage> tick() {
        Instant now = clock.instant();
        List<String> lapsed = new ArrayList<>();
        for (Iterator<Map.Entry<String, Member>> it = members.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Member> e = it.next();
            if (!now.isBefore(e.getValue().expiresAt)) {
                lapsed.add(e.getKey());
            }
        }
        remove(lapsed, GroupPolicy.Effect.IMMEDIATE);
        if (!members.isEmpty() && periodStartedAt != null && !now.isBefore(periodStartedAt.plus(policy.keyPeriod()))) {
            enqueue(keys.rekey(true));
            periodStartedAt = now;
        }
        flushPending();
        List<KeyMessage> out = List.copyOf(outbox);
        outbox.clear();
        return out;
    }

    /** Starts a new key period now (an operator's "rekey at once"). */
    public synchronized void rekeyNow() {
        enqueue(keys.rekey(true));
        periodStartedAt = clock.instant();
    }

    /** Whether at least one member holds a session key that has not lapsed (claim 9). */
    public synchronized boolean hasValidMembers() {
        Instant now = clock.instant();
        return members.values().stream().anyMatch(m -> now.isBefore(m.expiresAt));
    }

    public synchronized int memberCount() {
        return members.size();
    }

    /** A copy of the traffic key to seal with now, or null without members; wipe after use. */
    public TrafficKey currentTrafficKey() {
        return keys.currentTrafficKey();
    }

    /** The publisher sealed a chunk ({@code true}) or skipped it for want of members. */
    public void countChunk(boolean published) {
        (published ? chunksPublished : chunksSkipped).incrementAndGet();
    }

    /** The publisher sent {@code frames} frames of {@code bytes} bytes in all to edge nodes. */
    public void countSent(int frames, long bytes) {
        framesSent.addAndGet(frames);
        bytesSent.addAndGet(bytes);
    }

    /** Counters; {@code subscribedEdges} and {@code bytesPerSecond} come from the publisher. */
    public GroupMetrics metrics(int subscribedEdges, long bytesPerSecond) {
        TrafficKey tek = keys.currentTrafficKey();
        long period = tek == null ? 0 : tek.period();
        if (tek != null) {
            SecretKeys.wipe(tek.key());
        }
        return new GroupMetrics(
                memberCount(),
                subscribedEdges,
                chunksPublished.get(),
                chunksSkipped.get(),
                framesSent.get(),
                bytesSent.get(),
                bytesPerSecond,
                rekeys.get(),
                keyMessageBytes.get(),
                period);
    }

    /** Wipes every key; the group is over. */
    public synchronized void close() {
        members.clear();
        outbox.clear();
        keys.destroy();
    }

    private void remove(List<String> sessions, GroupPolicy.Effect effect) {
        if (sessions.isEmpty()) {
            return;
        }
        for (String id : sessions) {
            members.remove(id);
            keys.removeMember(id);
        }
        boolean newTek = effect == GroupPolicy.Effect.IMMEDIATE;
        enqueue(keys.rekey(newTek));
        if (newTek) {
            periodStartedAt = clock.instant();
        }
    }

    private void flushPending() {
        if (keys.hasPendingChanges()) {
            enqueue(keys.rekey(false));
        }
    }

    private void enqueue(KeyMessage message) {
        if (message != null) {
            outbox.add(message);
            rekeys.incrementAndGet();
            keyMessageBytes.addAndGet(message.size());
        }
    }

    private void requireOwned(String sessionId, String terminalId) throws MembershipException {
        Member m = members.get(sessionId);
        if (m == null) {
            throw new MembershipException(
                    MembershipException.Reason.UNKNOWN_SESSION, "no such live session (ended, lapsed or never opened)");
        }
        if (!m.terminalId.equals(terminalId)) {
            throw new MembershipException(
                    MembershipException.Reason.NOT_YOUR_SESSION, "the session belongs to another terminal");
        }
    }

    private SessionGrant grant(String sessionId, String terminalId, Instant expiresAt, String wrappedSk) {
        KeyRef leaf = keys.leafOf(sessionId);
        String ticket = new JoinTicket(sessionId, terminalId, groupId, expiresAt).sign(signer);
        return new SessionGrant(
                sessionId,
                terminalId,
                contentId,
                groupId,
                expiresAt,
                leaf,
                wrappedSk,
                ticket,
                keys.pathMessage(sessionId).encoded());
    }
}
