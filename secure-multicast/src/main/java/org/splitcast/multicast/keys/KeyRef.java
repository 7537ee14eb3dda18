package org.splitcast.multicast.keys;

/**
 * A key of a group by what it is: a node of the key tree at a version, or the traffic key (TEK)
 * of a key period ({@code version} unused, 0).
 */
public record KeyRef(Kind kind, long id, long version) {

    /** What a reference names. */
    public enum Kind {
        /** A node of the key tree: {@code id} is a {@link NodeId}. */
        NODE(0),
        /** A traffic key: {@code id} is its key period. */
        TEK(1);

        final int code;

        Kind(int code) {
            this.code = code;
        }

        static Kind of(int code) {
            return code == 0 ? NODE : code == 1 ? TEK : null;
        }
    }

    public static KeyRef node(long id, long version) {
        return new KeyRef(Kind.NODE, id, version);
    }

    public static KeyRef tek(long period) {
        return new KeyRef(Kind.TEK, period, 0);
    }

    @Override
    public String toString() {
        return kind == Kind.TEK ? "TEK#" + id : "node " + NodeId.toString(id) + " v" + version;
    }
}
