package org.splitcast.multicast.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.multicast.wire.MalformedMessageException;

/**
 * A member's keys of one group, on the terminal: its leaf key (from its SK), the tree node keys of
 * its path as it learns them, and the traffic keys of the last few key periods.
 *
 * <p>{@link #apply} takes a verified key message and unwraps, repeatedly, every entry wrapped under
 * a key the ring holds at that version, until nothing new can be learned; entries for other members
 * are skipped. A message is applied whole or not at all. The ring keeps the traffic keys of the
 * newest {@code overlapPeriods} periods, so a chunk sealed under the previous key that arrives after
 * a rekey still opens (the in-flight loss JGroups itself had on key rotation before its PR #1044);
 * older ones are wiped. "Newest" is the period of the newest group-wide (REKEY) message applied: a
 * personal PATH message from a renewal that runs ahead of frames still being replayed after a
 * reconnection does not push the replayed periods out; superseded node keys are kept for a few
 * versions for the same reason. Not thread-safe.
 */
public final class KeyRing {

    private record NodeKey(long version, byte[] key) {}

    private final String groupId;
    private final String memberId;
    private final int overlapPeriods;
    private final AesKeyWrap keyWrap;
    private final CryptoProvider crypto;
    private final Map<Long, NodeKey> nodes = new HashMap<>();
    /** Superseded versions of node keys, newest first, up to {@link #RETIRED_VERSIONS} per node. */
    private final Map<Long, java.util.ArrayDeque<NodeKey>> retired = new HashMap<>();
    /** Older versions of a node key kept for key messages replayed after a resumption. */
    // 16, not 4: every renewal, join or leave of any member makes a new root (and path) version, so
    // a terminal whose edge restarts while a few members renew sees several versions go by before
    // the replayed REKEY frames (wrapped under the older ones) reach it (LiveMulticastIT)
    static final int RETIRED_VERSIONS = 16;
    /** TEKs kept beyond the overlap for catching up (replayed frames after a renewal). */
    static final int MAX_EXTRA_PERIODS = 16;

    private long streamPeriod;
    private final TreeMap<Long, byte[]> teks = new TreeMap<>();
    private KeyRef leaf;
    private long serial;

    /**
     * @param overlapPeriods how many key periods' traffic keys to keep (at least 1; 2 keeps the
     *     previous one for chunks in flight across a rekey)
     */
    public KeyRing(
            String groupId,
            String memberId,
            KeyRef leaf,
            byte[] sessionKey,
            int overlapPeriods,
            CryptoProvider crypto) {
        if (overlapPeriods < 1) {
            throw new IllegalArgumentException("keep at least the current key period");
        }
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.overlapPeriods = overlapPeriods;
        this.crypto = crypto;
        this.keyWrap = new AesKeyWrap(crypto);
        setLeaf(leaf, sessionKey);
    }

    /** A renewed session key: the leaf at its new version (path keys follow in the next message). */
    public void renew(KeyRef newLeaf, byte[] sessionKey) {
        if (newLeaf.id() != leaf.id()) {
            throw new IllegalArgumentException("a renewal keeps the member's leaf");
        }
        setLeaf(newLeaf, sessionKey);
    }

    private void setLeaf(KeyRef newLeaf, byte[] sessionKey) {
        if (newLeaf.kind() != KeyRef.Kind.NODE || NodeId.level(newLeaf.id()) != 0) {
            throw new IllegalArgumentException("not a leaf: " + newLeaf);
        }
        NodeKey old = nodes.put(
                newLeaf.id(), new NodeKey(newLeaf.version(), LeafKeys.derive(sessionKey, groupId, memberId, crypto)));
        retire(newLeaf.id(), old);
        this.leaf = newLeaf;
    }

    public KeyRef leaf() {
        return leaf;
    }

    /**
     * Applies a key message; returns the key periods whose traffic key it taught (empty when the
     * message held nothing for this member).
     *
     * @throws MalformedMessageException if the message is for another group or member, or an
     *     entry wrapped under a key this ring holds does not unwrap (altered or forged); the ring
     *     is then unchanged
     */
    public List<Long> apply(KeyMessage message) throws MalformedMessageException {
        if (!message.groupId().equals(groupId)) {
            throw new MalformedMessageException("key message of another group");
        }
        if (message.kind() == KeyMessage.Kind.PATH && !message.leaf().equals(leaf)) {
            throw new MalformedMessageException("personal key message for another member or an older session key");
        }
        Map<Long, NodeKey> learnedNodes = new HashMap<>();
        Map<Long, byte[]> learnedTeks = new HashMap<>();
        List<WrappedKey> pending = new ArrayList<>(message.entries());
        boolean progress = true;
        try {
            while (progress && !pending.isEmpty()) {
                progress = false;
                for (int i = 0; i < pending.size(); i++) {
                    WrappedKey entry = pending.get(i);
                    byte[] kek = holding(entry.under(), learnedNodes);
                    if (kek == null) {
                        continue;
                    }
                    byte[] key = keyWrap.unwrap(kek, entry.wrapped());
                    if (key == null) {
                        throw new MalformedMessageException("entry " + entry + " does not unwrap: altered or forged");
                    }
                    if (entry.target().kind() == KeyRef.Kind.TEK) {
                        learnedTeks.put(entry.target().id(), key);
                    } else {
                        NodeKey known = learnedNodes.getOrDefault(
                                entry.target().id(), nodes.get(entry.target().id()));
                        if (known == null || known.version < entry.target().version()) {
                            learnedNodes.put(
                                    entry.target().id(),
                                    new NodeKey(entry.target().version(), key));
                        } else if (known.version > entry.target().version()
                                && holding(entry.target(), learnedNodes) == null) {
                            // an older version, from a frame replayed after a renewal's PATH
                            // brought a newer one: kept with the superseded versions, so that the
                            // keys wrapped under it (a TEK of a period the replay has yet to show) open
                            retireOlder(
                                    entry.target().id(),
                                    new NodeKey(entry.target().version(), key));
                        } else {
                            SecretKeys.wipe(key);
                        }
                    }
                    pending.remove(i--);
                    progress = true;
                }
            }
        } catch (MalformedMessageException e) {
            learnedNodes.values().forEach(n -> SecretKeys.wipe(n.key));
            learnedTeks.values().forEach(SecretKeys::wipe);
            throw e;
        }
        learnedNodes.forEach((id, key) -> retire(id, nodes.put(id, key)));
        List<Long> periods = new ArrayList<>();
        learnedTeks.forEach((period, key) -> {
            byte[] old = teks.put(period, key);
            if (old != null) {
                SecretKeys.wipe(old);
            }
            periods.add(period);
        });
        if (message.kind() == KeyMessage.Kind.REKEY || streamPeriod == 0) {
            streamPeriod = Math.max(streamPeriod, message.tekPeriod());
        }
        // keep the overlap below the period the stream is in (a renewal's PATH may be ahead of
        // frames still being replayed), and never more than a bounded number of keys
        while (!teks.isEmpty()
                && (teks.firstKey() <= streamPeriod - overlapPeriods
                        || teks.size() > overlapPeriods + MAX_EXTRA_PERIODS)) {
            SecretKeys.wipe(teks.pollFirstEntry().getValue());
        }
        periods.removeIf(p -> !teks.containsKey(p));
        serial = Math.max(serial, message.serial());
        return periods;
    }

    private byte[] holding(KeyRef under, Map<Long, NodeKey> learned) {
        NodeKey k = learned.get(under.id());
        if (k != null && k.version == under.version()) {
            return k.key;
        }
        k = nodes.get(under.id());
        if (k != null && k.version == under.version()) {
            return k.key;
        }
        java.util.ArrayDeque<NodeKey> old = retired.get(under.id());
        if (old != null) {
            for (NodeKey r : old) {
                if (r.version == under.version()) {
                    return r.key;
                }
            }
        }
        return null;
    }

    /** Files {@code older} among the superseded versions of node {@code id}, newest first. */
    private void retireOlder(long id, NodeKey older) {
        java.util.ArrayDeque<NodeKey> q = retired.computeIfAbsent(id, k -> new java.util.ArrayDeque<>());
        java.util.List<NodeKey> sorted = new java.util.ArrayList<>(q);
        sorted.add(older);
        sorted.sort((x, y) -> Long.compare(y.version, x.version));
        q.clear();
        q.addAll(sorted);
        while (q.size() > RETIRED_VERSIONS) {
            SecretKeys.wipe(q.removeLast().key);
        }
    }

    private void retire(long id, NodeKey old) {
        if (old == null) {
            return;
        }
        java.util.ArrayDeque<NodeKey> q = retired.computeIfAbsent(id, k -> new java.util.ArrayDeque<>());
        q.addFirst(old);
        while (q.size() > RETIRED_VERSIONS) {
            SecretKeys.wipe(q.removeLast().key);
        }
    }

    /** The traffic key of {@code period}, or null if this ring does not hold it (a copy). */
    public byte[] trafficKey(long period) {
        byte[] key = teks.get(period);
        return key == null ? null : key.clone();
    }

    /** The newest key period held, or 0. */
    public long newestPeriod() {
        return teks.isEmpty() ? 0 : teks.lastKey();
    }

    /** The highest key message serial applied. */
    public long serial() {
        return serial;
    }

    /** Wipes every key. */
    public void destroy() {
        nodes.values().forEach(n -> SecretKeys.wipe(n.key));
        nodes.clear();
        retired.values().forEach(q -> q.forEach(n -> SecretKeys.wipe(n.key)));
        retired.clear();
        teks.values().forEach(SecretKeys::wipe);
        teks.clear();
    }
}
