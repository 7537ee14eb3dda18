package org.splitcast.multicast.keys;

/**
 * Identifiers of the nodes of a group's key tree: {@code level << 40 | index}, level 0 being the
 * leaves. The parent of (l, i) is (l + 1, i / 2); the root of a tree of height h is (h, 0). The
 * numbering never changes when the tree grows (a new root is added above the old one), so an id
 * names the same node for the life of the group.
 */
public final class NodeId {

    /** Levels above 40 would need more than 2^40 leaves. */
    public static final int MAX_LEVEL = 40;

    private static final long INDEX_MASK = (1L << 40) - 1;

    private NodeId() {}

    public static long of(int level, long index) {
        if (level < 0 || level > MAX_LEVEL || index < 0 || index > INDEX_MASK) {
            throw new IllegalArgumentException("no tree node (" + level + ", " + index + ")");
        }
        return ((long) level << 40) | index;
    }

    public static int level(long id) {
        return (int) (id >>> 40);
    }

    public static long index(long id) {
        return id & INDEX_MASK;
    }

    public static long parent(long id) {
        return of(level(id) + 1, index(id) >>> 1);
    }

    public static long child(long id, int which) {
        return of(level(id) - 1, (index(id) << 1) | which);
    }

    public static String toString(long id) {
        return level(id) + "/" + index(id);
    }
}
