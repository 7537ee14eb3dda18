package org.splitcast.multicast.keys;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;

/**
 * The central server's keys of one multicast group: the key tree over the members' leaf keys, the
 * traffic key of the current key period, and the signed key messages that carry both to the
 * members (claims 5, 6 and 8). Thread-safe (one lock per group).
 *
 * <p>Membership operations change the tree at once; {@link #rekey(boolean)} then produces the one
 * REKEY message that makes the change effective for the group (new keys on the changed paths and,
 * when asked or needed, a new traffic key). The caller publishes that message before any chunk
 * sealed under the new traffic key.
 */
public final class GroupKeys {

    private final String groupId;
    private final LiveSigner signer;
    private final CryptoProvider crypto;
    private final Clock clock;
    private final KeyTree tree;
    private final Map<String, KeyRef> leaves = new HashMap<>();
    private TrafficKey current;
    private TrafficKey previous;
    private long nextPeriod = 1;
    private long serial;
    private boolean trafficKeyOwed;

    public GroupKeys(String groupId, LiveSigner signer, CryptoProvider crypto, Clock clock) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tree = new KeyTree(crypto);
    }

    public String groupId() {
        return groupId;
    }

    /**
     * Adds a member with its session key; returns its leaf (which the member needs with its SK).
     *
     * @throws IllegalArgumentException if the member is already in the group
     */
    public synchronized KeyRef addMember(String memberId, byte[] sessionKey) {
        if (leaves.containsKey(memberId)) {
            throw new IllegalArgumentException("member already in group " + groupId);
        }
        byte[] leafKey = LeafKeys.derive(sessionKey, groupId, memberId, crypto);
        try {
            KeyRef leaf = tree.addLeaf(leafKey);
            leaves.put(memberId, leaf);
            if (current == null) {
                trafficKeyOwed = true;
            }
            return leaf;
        } finally {
            SecretKeys.wipe(leafKey);
        }
    }

    /** Replaces a member's session key (renewal); returns its leaf at the new version. */
    public synchronized KeyRef renewMember(String memberId, byte[] sessionKey) {
        KeyRef old = requireMember(memberId);
        byte[] leafKey = LeafKeys.derive(sessionKey, groupId, memberId, crypto);
        try {
            KeyRef leaf = tree.replaceLeaf(old.id(), leafKey);
            leaves.put(memberId, leaf);
            return leaf;
        } finally {
            SecretKeys.wipe(leafKey);
        }
    }

    /** Removes a member; false if it was not in the group. */
    public synchronized boolean removeMember(String memberId) {
        KeyRef leaf = leaves.remove(memberId);
        if (leaf == null) {
            return false;
        }
        tree.removeLeaf(leaf.id());
        if (leaves.isEmpty()) {
            wipeTrafficKeys();
        }
        return true;
    }

    public synchronized boolean hasMember(String memberId) {
        return leaves.containsKey(memberId);
    }

    public synchronized int memberCount() {
        return leaves.size();
    }

    /** Whether a membership change waits for {@link #rekey(boolean)}. */
    public synchronized boolean hasPendingChanges() {
        return tree.hasPendingChanges() || trafficKeyOwed;
    }

    /**
     * Makes pending changes effective: refreshes the changed paths of the tree and, if {@code
     * newTrafficKey} (or the group had none), starts a new key period. Returns the REKEY message
     * for the whole group, or null when the group is empty or there was nothing to do.
     */
    public synchronized KeyMessage rekey(boolean newTrafficKey) {
        if (leaves.isEmpty()) {
            tree.refresh();
            trafficKeyOwed = false;
            return null;
        }
        if (!newTrafficKey && !hasPendingChanges()) {
            return null;
        }
        List<WrappedKey> entries = new ArrayList<>(tree.refresh());
        if (newTrafficKey || trafficKeyOwed || current == null) {
            if (previous != null) {
                SecretKeys.wipe(previous.key());
            }
            previous = current;
            current = new TrafficKey(nextPeriod++, crypto.randomBytes(AesKeyWrap.KEY_BYTES));
            trafficKeyOwed = false;
        }
        entries.add(tree.wrapUnderRoot(KeyRef.tek(current.period()), current.key()));
        serial++;
        return KeyMessage.create(
                KeyMessage.Kind.REKEY, groupId, serial, clock.millis(), current.period(), null, entries, signer);
    }

    /**
     * The personal PATH message of a member: its path to the root and the current traffic key.
     *
     * @throws IllegalStateException if changes are pending ({@link #rekey} first) or the member is
     *     unknown
     */
    public synchronized KeyMessage pathMessage(String memberId) {
        KeyRef leaf = requireMember(memberId);
        if (hasPendingChanges() || current == null) {
            throw new IllegalStateException("group " + groupId + " has changes to publish first");
        }
        List<WrappedKey> entries = new ArrayList<>(tree.path(leaf.id()));
        entries.add(tree.wrapUnderRoot(KeyRef.tek(current.period()), current.key()));
        return KeyMessage.create(
                KeyMessage.Kind.PATH, groupId, serial, clock.millis(), current.period(), leaf, entries, signer);
    }

    /** The member's current leaf. */
    public synchronized KeyRef leafOf(String memberId) {
        return requireMember(memberId);
    }

    /**
     * A copy of the traffic key chunks are sealed under now, or null without members. The caller
     * wipes it after use.
     */
    public synchronized TrafficKey currentTrafficKey() {
        return current == null
                ? null
                : new TrafficKey(current.period(), current.key().clone());
    }

    /** Height of the key tree (a leave costs about 2 × height wrapped keys). */
    public synchronized int treeHeight() {
        return tree.height();
    }

    /** Wipes every key (the group is closed). */
    public synchronized void destroy() {
        tree.destroy();
        leaves.clear();
        wipeTrafficKeys();
    }

    private void wipeTrafficKeys() {
        if (current != null) {
            SecretKeys.wipe(current.key());
        }
        if (previous != null) {
            SecretKeys.wipe(previous.key());
        }
        current = null;
        previous = null;
    }

    private KeyRef requireMember(String memberId) {
        KeyRef leaf = leaves.get(memberId);
        if (leaf == null) {
            throw new IllegalArgumentException("no such member in group " + groupId);
        }
        return leaf;
    }
}
