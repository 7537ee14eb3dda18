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
 * older ones are wiped. Not thread-safe.
 */
public final class KeyRing {

    private record NodeKey(long version, byte[] key) {}

    private final String groupId;
    private final String memberId;
    private final int overlapPeriods;
    private final AesKeyWrap keyWrap;
    private final CryptoProvider crypto;
    private final Map<Long, NodeKey> nodes = new HashMap<>();
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
        if (old != null) {
            SecretKeys.wipe(old.key);
        }
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
        learnedNodes.forEach((id, key) -> {
            NodeKey old = nodes.put(id, key);
            if (old != null) {
                SecretKeys.wipe(old.key);
            }
        });
        List<Long> periods = new ArrayList<>();
        learnedTeks.forEach((period, key) -> {
            byte[] old = teks.put(period, key);
            if (old != null) {
                SecretKeys.wipe(old);
            }
            periods.add(period);
        });
        while (teks.size() > overlapPeriods) {
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
        return k != null && k.version == under.version() ? k.key : null;
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
        teks.values().forEach(SecretKeys::wipe);
        teks.clear();
    }
}
