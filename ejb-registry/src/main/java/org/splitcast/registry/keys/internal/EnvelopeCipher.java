package org.splitcast.registry.keys.internal;

import java.nio.ByteBuffer;
import javax.crypto.SecretKey;
import org.splitcast.crypto.AesGcm;
import org.splitcast.crypto.IntegrityException;
import org.splitcast.registry.keys.KeyOwner;

/**
 * Seals a secret key under a master key (envelope encryption). An envelope is
 *
 * <pre>
 *   byte 0      format, 0x01
 *   bytes 1-2   master key version, big-endian
 *   bytes 3-14  AES-GCM nonce (random)
 *   bytes 15-   AES-256-GCM ciphertext of the secret, then its 16-byte tag
 * </pre>
 *
 * with associated data {@code header(3 bytes) || UTF-8(owner id)}: neither the owner nor the
 * header can be changed without the envelope failing to open.
 */
public final class EnvelopeCipher {

    static final byte FORMAT_1 = 0x01;
    static final int HEADER_BYTES = 3;

    private final MasterKeys masterKeys;
    private final AesGcm gcm;

    public EnvelopeCipher(MasterKeys masterKeys, AesGcm gcm) {
        this.masterKeys = masterKeys;
        this.gcm = gcm;
    }

    public byte[] seal(byte[] secret, KeyOwner owner) {
        int version = masterKeys.currentVersion();
        SecretKey kek = masterKeys
                .key(version)
                .orElseThrow(() -> new IllegalStateException("current master key version " + version + " missing"));
        byte[] header = header(version);
        byte[] sealed = gcm.seal(kek, secret, aad(header, owner));
        return ByteBuffer.allocate(HEADER_BYTES + sealed.length)
                .put(header)
                .put(sealed)
                .array();
    }

    /**
     * @throws IntegrityException if the envelope was not sealed for {@code owner} under one of our
     *     master keys, or was altered
     */
    public byte[] open(byte[] envelope, KeyOwner owner) {
        if (envelope == null || envelope.length < HEADER_BYTES + AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES) {
            throw new IntegrityException("key envelope too short");
        }
        if (envelope[0] != FORMAT_1) {
            throw new IntegrityException("unknown key envelope format " + envelope[0]);
        }
        int version = ((envelope[1] & 0xff) << 8) | (envelope[2] & 0xff);
        SecretKey kek = masterKeys
                .key(version)
                .orElseThrow(() -> new IntegrityException("key envelope names unknown master key version " + version));
        byte[] header = new byte[HEADER_BYTES];
        System.arraycopy(envelope, 0, header, 0, HEADER_BYTES);
        byte[] sealed = new byte[envelope.length - HEADER_BYTES];
        System.arraycopy(envelope, HEADER_BYTES, sealed, 0, sealed.length);
        return gcm.open(kek, sealed, aad(header, owner));
    }

    private static byte[] header(int version) {
        if (version < 1 || version > 0xffff) {
            throw new IllegalStateException("master key version out of range: " + version);
        }
        return new byte[] {FORMAT_1, (byte) (version >>> 8), (byte) version};
    }

    private static byte[] aad(byte[] header, KeyOwner owner) {
        byte[] id = owner.utf8();
        return ByteBuffer.allocate(header.length + id.length)
                .put(header)
                .put(id)
                .array();
    }
}
