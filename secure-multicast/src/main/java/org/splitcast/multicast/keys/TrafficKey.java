package org.splitcast.multicast.keys;

/**
 * The traffic encryption key (TEK) of one key period of a group: the key the group's chunks are
 * sealed under while the period lasts. The record holds the caller's array; {@link #toString()}
 * never shows it.
 */
public record TrafficKey(long period, byte[] key) {

    public TrafficKey {
        if (period < 1) {
            throw new IllegalArgumentException("key periods start at 1");
        }
        if (key == null || key.length != AesKeyWrap.KEY_BYTES) {
            throw new IllegalArgumentException("a traffic key is " + AesKeyWrap.KEY_BYTES + " bytes");
        }
    }

    /** The key id that chunk envelopes bind: {@code tek-<period>}. */
    public String keyId() {
        return "tek-" + period;
    }

    @Override
    public String toString() {
        return "TrafficKey[period=" + period + ", key=(hidden)]";
    }
}
