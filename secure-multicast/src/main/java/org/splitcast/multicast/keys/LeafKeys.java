package org.splitcast.multicast.keys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.Hkdf;

/**
 * A member's leaf key in its group's key tree, derived from its session key SK (docs/live.md §2):
 * {@code HKDF-SHA256(IKM = SK, salt = "splitcast-live/1 leaf", info = UTF-8(groupId) || 0x00 ||
 * UTF-8(memberId), L = 32)}. Server and terminal compute it alike; SK itself never wraps anything
 * but through this derivation.
 */
public final class LeafKeys {

    static final byte[] SALT = "splitcast-live/1 leaf".getBytes(StandardCharsets.US_ASCII);

    private LeafKeys() {}

    public static byte[] derive(byte[] sessionKey, String groupId, String memberId, CryptoProvider crypto) {
        if (sessionKey == null || sessionKey.length != 32) {
            throw new IllegalArgumentException("a session key is 32 bytes");
        }
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.writeBytes(groupId.getBytes(StandardCharsets.UTF_8));
        info.write(0);
        info.writeBytes(memberId.getBytes(StandardCharsets.UTF_8));
        return new Hkdf(crypto).derive(sessionKey, SALT, info.toByteArray(), Hkdf.HASH_BYTES);
    }
}
