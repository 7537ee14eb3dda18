package org.splitcast.multicast.chunk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.spec.SecretKeySpec;
import org.splitcast.crypto.AesGcm;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.Hkdf;
import org.splitcast.crypto.IntegrityException;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.multicast.wire.WireWriter;

/**
 * The interim {@link ChunkSealer} of this module (docs/live.md §3.3), until the lead binds the
 * complementary-protection envelope: raw DEFLATE (RFC 1951, level 1) of the record, then AES-256-GCM with a
 * random 96-bit nonce under {@code K = HKDF-SHA256(IKM = TEK, salt = "splitcast-live/1 chunk",
 * info = UTF-8(keyId), L = 32)}, AAD = {@code "SCLC" || str(contentId) || str(keyId) || u64
 * chunkIndex}. Output: {@code u8 1 (version) || nonce || ciphertext || tag}. A record that would
 * inflate to more than {@link #MAX_RECORD} bytes is refused.
 */
public final class DeflateAesGcmChunkSealer implements ChunkSealer {

    public static final int MAX_RECORD = 32 << 20;
    static final byte[] SALT = "splitcast-live/1 chunk".getBytes(StandardCharsets.US_ASCII);

    private final CryptoProvider crypto;
    private final AesGcm gcm;

    public DeflateAesGcmChunkSealer(CryptoProvider crypto) {
        this.crypto = crypto;
        this.gcm = new AesGcm(crypto);
    }

    @Override
    public byte[] seal(byte[] trafficKey, ChunkAad aad, byte[] record) {
        // level 1: the records are mostly coded media bytes (high entropy); higher levels cost time, not bytes
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(record.length / 2 + 64);
        compressed.write(1);
        try {
            deflater.setInput(record);
            deflater.finish();
            byte[] buf = new byte[16 * 1024];
            while (!deflater.finished()) {
                compressed.write(buf, 0, deflater.deflate(buf));
            }
        } finally {
            deflater.end();
        }
        byte[] plain = compressed.toByteArray();
        byte[] key = chunkKey(trafficKey, aad.keyId());
        try {
            byte[] sealed = gcm.seal(
                    new SecretKeySpec(key, "AES"), java.util.Arrays.copyOfRange(plain, 1, plain.length), aadBytes(aad));
            byte[] out = new byte[sealed.length + 1];
            out[0] = 1;
            System.arraycopy(sealed, 0, out, 1, sealed.length);
            return out;
        } finally {
            SecretKeys.wipe(key);
        }
    }

    @Override
    public byte[] open(byte[] trafficKey, ChunkAad aad, byte[] sealed) throws SealedChunkException {
        if (sealed.length < 1 + AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES || sealed[0] != 1) {
            throw new SealedChunkException("not a sealed chunk of version 1");
        }
        byte[] key = chunkKey(trafficKey, aad.keyId());
        byte[] compressed;
        try {
            compressed = gcm.open(
                    new SecretKeySpec(key, "AES"),
                    java.util.Arrays.copyOfRange(sealed, 1, sealed.length),
                    aadBytes(aad));
        } catch (IntegrityException e) {
            throw new SealedChunkException("the sealed chunk does not open: wrong key, wrong chunk or altered bytes");
        } finally {
            SecretKeys.wipe(key);
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 2);
            byte[] buf = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new SealedChunkException("the chunk's compressed data is truncated");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_RECORD) {
                    throw new SealedChunkException("the chunk inflates beyond " + MAX_RECORD + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new SealedChunkException("the chunk's compressed data is corrupt");
        } finally {
            inflater.end();
        }
    }

    private byte[] chunkKey(byte[] trafficKey, String keyId) {
        return new Hkdf(crypto).derive(trafficKey, SALT, keyId.getBytes(StandardCharsets.UTF_8), Hkdf.HASH_BYTES);
    }

    static byte[] aadBytes(ChunkAad aad) {
        return new WireWriter(64)
                .bytes("SCLC".getBytes(StandardCharsets.US_ASCII))
                .string(aad.contentId())
                .string(aad.keyId())
                .u64(aad.chunkIndex())
                .toByteArray();
    }
}
