package org.splitcast.multicast.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;

/**
 * The logical key hierarchy of one multicast group (LKH, RFC 2627 §5.4; Wong, Gouda and Lam's key
 * graphs): a binary tree whose leaves are the members' individual keys and whose every inner node
 * holds a key known exactly to the members below it. The root key is the group key under which
 * each key period's traffic key is wrapped.
 *
 * <p>Changing a leaf (a member joins, renews or leaves) marks the path from it to the root; {@link
 * #refresh()} then gives every marked node a new random key and wraps it under the current key of
 * each of its present children: about {@code 2 log2 N} wrapped keys for one change in a group of N,
 * and changes batched between two refreshes share the upper part of their paths. A removed member
 * holds only old versions of the keys on its path, all of which are replaced, so nothing wrapped
 * afterwards reaches it.
 *
 * <p>Leaves are slots (0, i); a freed slot is reused by the next member, and when every slot is
 * taken the tree grows by one level (the old root becomes the left child of a new root). Node keys
 * are versioned by one counter per tree, so {@code (node, version)} names one key forever.
 *
 * <p>Not thread-safe: its owner ({@link GroupKeys}) serializes access.
 */
public final class KeyTree {

    private final CryptoProvider crypto;
    private final AesKeyWrap keyWrap;
    private final Map<Long, byte[]> keys = new HashMap<>();
    private final Map<Long, Long> versions = new HashMap<>();
    private final TreeSet<Long> freeSlots = new TreeSet<>();
    private final TreeSet<Long> dirty = new TreeSet<>((a, b) -> {
        int byLevel = Integer.compare(NodeId.level(a), NodeId.level(b));
        return byLevel != 0 ? byLevel : Long.compare(a, b);
    });
    private int height;
    private long nextSlot;
    private long versionCounter;
    private int leaves;

    public KeyTree(CryptoProvider crypto) {
        this.crypto = crypto;
        this.keyWrap = new AesKeyWrap(crypto);
    }

    /** Number of occupied leaves. */
    public int size() {
        return leaves;
    }

    public int height() {
        return height;
    }

    /** The root node; present only while the tree has a member. */
    public long rootId() {
        return NodeId.of(height, 0);
    }

    /** The root key's reference, or null when the tree is empty or not refreshed since a change. */
    public KeyRef root() {
        long root = rootId();
        return keys.containsKey(root) && !dirty.contains(root) ? KeyRef.node(root, versions.get(root)) : null;
    }

    /** Whether {@link #refresh()} has work to do. */
    public boolean hasPendingChanges() {
        return !dirty.isEmpty();
    }

    /**
     * Places a member's leaf key (32 bytes, copied) in a free slot and marks its path; returns the
     * leaf's reference.
     */
    public KeyRef addLeaf(byte[] leafKey) {
        long slot;
        if (!freeSlots.isEmpty()) {
            slot = freeSlots.pollFirst();
        } else {
            if (nextSlot == (1L << height) && leaves > 0) {
                grow();
            }
            slot = nextSlot++;
        }
        long id = NodeId.of(0, slot);
        leaves++;
        return setLeaf(id, leafKey);
    }

    /** Replaces the key of an occupied leaf (a renewed session key) and marks its path. */
    public KeyRef replaceLeaf(long leafId, byte[] leafKey) {
        requireLeaf(leafId);
        return setLeaf(leafId, leafKey);
    }

    /** Frees an occupied leaf and marks its path. */
    public void removeLeaf(long leafId) {
        requireLeaf(leafId);
        SecretKeys.wipe(keys.remove(leafId));
        versions.remove(leafId);
        freeSlots.add(NodeId.index(leafId));
        leaves--;
        markAncestors(leafId);
    }

    private void requireLeaf(long leafId) {
        if (NodeId.level(leafId) != 0 || !keys.containsKey(leafId)) {
            throw new IllegalArgumentException("no member at leaf " + NodeId.toString(leafId));
        }
    }

    private KeyRef setLeaf(long id, byte[] leafKey) {
        if (leafKey.length != AesKeyWrap.KEY_BYTES) {
            throw new IllegalArgumentException("a leaf key is " + AesKeyWrap.KEY_BYTES + " bytes");
        }
        SecretKeys.wipe(keys.put(id, leafKey.clone()));
        long version = ++versionCounter;
        versions.put(id, version);
        markAncestors(id);
        if (height == 0) {
            dirty.add(id); // the leaf is the root: nothing to wrap, but the root changed
        }
        return KeyRef.node(id, version);
    }

    private void grow() {
        long oldRoot = rootId();
        height++;
        if (height > NodeId.MAX_LEVEL) {
            throw new IllegalStateException("key tree full");
        }
        if (keys.containsKey(oldRoot)) {
            dirty.add(rootId());
        }
    }

    private void markAncestors(long id) {
        for (long node = id; NodeId.level(node) < height; ) {
            node = NodeId.parent(node);
            dirty.add(node);
        }
    }

    /**
     * Gives every marked inner node a new key (or removes it when no member is left below it),
     * bottom-up, and returns the new keys wrapped under their present children's keys.
     */
    public List<WrappedKey> refresh() {
        List<WrappedKey> out = new ArrayList<>();
        while (!dirty.isEmpty()) {
            long node = dirty.pollFirst();
            if (NodeId.level(node) == 0) {
                continue; // a height-0 tree's root is its leaf: set by setLeaf
            }
            long c0 = NodeId.child(node, 0);
            long c1 = NodeId.child(node, 1);
            boolean has0 = keys.containsKey(c0);
            boolean has1 = keys.containsKey(c1);
            if (!has0 && !has1) {
                SecretKeys.wipe(keys.remove(node));
                versions.remove(node);
                continue;
            }
            byte[] key = crypto.randomBytes(AesKeyWrap.KEY_BYTES);
            SecretKeys.wipe(keys.put(node, key));
            long version = ++versionCounter;
            versions.put(node, version);
            KeyRef target = KeyRef.node(node, version);
            if (has0) {
                out.add(wrapUnder(target, key, c0));
            }
            if (has1) {
                out.add(wrapUnder(target, key, c1));
            }
        }
        return out;
    }

    /**
     * The keys of the path from {@code leafId} to the root, each wrapped under its child on that
     * path: what a member needs to catch up with the current tree (its personal key message).
     */
    public List<WrappedKey> path(long leafId) {
        requireLeaf(leafId);
        if (hasPendingChanges()) {
            throw new IllegalStateException("refresh the tree before taking a path");
        }
        List<WrappedKey> out = new ArrayList<>();
        for (long node = leafId; NodeId.level(node) < height; ) {
            long parent = NodeId.parent(node);
            out.add(wrapUnder(KeyRef.node(parent, versions.get(parent)), keys.get(parent), node));
            node = parent;
        }
        return out;
    }

    /** {@code key} (named {@code target}) wrapped under the current key of tree node {@code under}. */
    WrappedKey wrapUnder(KeyRef target, byte[] key, long under) {
        return new WrappedKey(target, KeyRef.node(under, versions.get(under)), keyWrap.wrap(keys.get(under), key));
    }

    /** The current root key wrapped around {@code key}: how a traffic key reaches every member. */
    WrappedKey wrapUnderRoot(KeyRef target, byte[] key) {
        if (root() == null) {
            throw new IllegalStateException("the key tree has no root key");
        }
        return wrapUnder(target, key, rootId());
    }

    /** Wipes every key. */
    public void destroy() {
        keys.values().forEach(SecretKeys::wipe);
        keys.clear();
        versions.clear();
    }
}
