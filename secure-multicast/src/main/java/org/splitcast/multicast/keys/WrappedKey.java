package org.splitcast.multicast.keys;

/**
 * One entry of a key message: the key {@code target} wrapped (A256KW, 40 bytes) under the tree
 * node key {@code under}. A member that holds {@code under} learns {@code target}.
 */
public record WrappedKey(KeyRef target, KeyRef under, byte[] wrapped) {

    public WrappedKey {
        if (under.kind() != KeyRef.Kind.NODE) {
            throw new IllegalArgumentException("keys are wrapped under tree node keys only");
        }
        if (wrapped.length != AesKeyWrap.WRAPPED_BYTES) {
            throw new IllegalArgumentException("a wrapped key is " + AesKeyWrap.WRAPPED_BYTES + " bytes");
        }
    }

    @Override
    public String toString() {
        return target + " under " + under;
    }
}
