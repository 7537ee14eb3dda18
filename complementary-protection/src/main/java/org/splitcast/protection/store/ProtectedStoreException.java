package org.splitcast.protection.store;

/**
 * A protected store file that cannot be used: not a store, of an unsupported version, truncated,
 * or corrupt (a checksum or a structural rule failed). The message names the file's part at fault.
 */
public class ProtectedStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Kind {
        /** No store footer: not a protected store at all. */
        NOT_A_STORE,
        /** A store of a major version this reader does not know. */
        UNSUPPORTED_VERSION,
        /** The file is shorter than its footer says: cut, or still being written elsewhere. */
        TRUNCATED,
        /** A checksum, a length or an offset is wrong. */
        CORRUPT
    }

    private final Kind kind;

    public ProtectedStoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProtectedStoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
