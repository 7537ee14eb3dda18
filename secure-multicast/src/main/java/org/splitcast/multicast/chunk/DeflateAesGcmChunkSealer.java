package org.splitcast.multicast.chunk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.splitcast.crypto.AesGcm;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.Hkdf;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.multicast.wire.WireWriter;

/**
 * The interim {@link ChunkSealer} of this module (docs/live.md §3.3), until the lead binds the
 * complementary-protection envelope: raw DEFLATE (RFC 1951, level 1; stored blocks for the next 63
 * records after one that level 1 shrank by less than 1/32) of the record, then AES-256-GCM with a
 * random 96-bit nonce under {@code K = HKDF-SHA256(IKM = TEK, salt = "splitcast-live/1 chunk",
 * info = UTF-8(keyId), L = 32)}, AAD = {@code "SCLC" || str(contentId) || str(keyId) || u64
 * chunkIndex}. Output: {@code u8 1 (version) || nonce || ciphertext || tag}. A record that would
 * inflate to more than {@link #MAX_RECORD} bytes is refused.
 */
public final class DeflateAesGcmChunkSealer implements ChunkSealer {

    public static final int MAX_RECORD = 32 << 20;
    static final byte[] SALT = "splitcast-live/1 chunk".getBytes(StandardCharsets.US_ASCII);

    static final String TRANSFORMATION = "AES/GCM/NoPadding";

    /**
     * Compression that saved less than 1/{@value} of a record did not pay: the next {@link
     * #STORED_AFTER_UNPAID} records go out as DEFLATE stored blocks, then level 1 is tried again.
     */
    static final int UNPAID_DIVISOR = 32;

    static final int STORED_AFTER_UNPAID = 63;

    /**
     * One deflater per thread and level, reset for each record: a new one per record cost a zlib
     * set-up (its window and hash table, some 256 KiB) every time.
     */
    private static final ThreadLocal<Deflater> FAST =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));

    private static final ThreadLocal<Deflater> STORED =
            ThreadLocal.withInitial(() -> new Deflater(Deflater.NO_COMPRESSION, true));

    private final CryptoProvider crypto;
    private final Object keyCache = new Object();
    private byte[] cachedTek;
    private String cachedKeyId;
    private byte[] cachedKey;
    /** Records still to store before compression is tried again (shared by the sealer's threads). */
    private final AtomicInteger storedLeft = new AtomicInteger();

    /**
     * @param crypto its {@link CryptoProvider#bulkCipher bulk cipher} seals and opens (native
     *     AES-GCM when the native provider is loaded: a chunk is sealed once for all edges, but on
     *     the publisher's one thread)
     */
    public DeflateAesGcmChunkSealer(CryptoProvider crypto) {
        this.crypto = crypto;
    }

    @Override
    public byte[] seal(byte[] trafficKey, ChunkAad aad, byte[] record) {
        // level 1: the records are mostly coded media bytes (high entropy); higher levels cost time,
        // not bytes. Where level 1 did not pay, stored blocks (still DEFLATE: terminals are unchanged)
        boolean tryCompression = storedLeft.getAndUpdate(n -> Math.max(0, n - 1)) == 0;
        Deflater deflater = (tryCompression ? FAST : STORED).get();
        deflater.reset();
        byte[] compressed = new byte[record.length + record.length / 64 + 64];
        int n = 0;
        try {
            deflater.setInput(record);
            deflater.finish();
            while (!deflater.finished()) {
                if (n == compressed.length) {
                    compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
                }
                n += deflater.deflate(compressed, n, compressed.length - n);
            }
        } finally {
            deflater.reset();
        }
        if (tryCompression && (long) n * UNPAID_DIVISOR > (long) record.length * (UNPAID_DIVISOR - 1)) {
            storedLeft.set(STORED_AFTER_UNPAID);
        }
        byte[] key = chunkKey(trafficKey, aad.keyId());
        byte[] nonce = crypto.randomBytes(AesGcm.NONCE_BYTES);
        // u8 1 || nonce || ciphertext || tag, written once (the bulk cipher: native AES-GCM when loaded)
        byte[] out = new byte[1 + AesGcm.NONCE_BYTES + n + AesGcm.TAG_BYTES];
        out[0] = 1;
        System.arraycopy(nonce, 0, out, 1, AesGcm.NONCE_BYTES);
        try {
            Cipher cipher = crypto.bulkCipher(TRANSFORMATION);
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(AesGcm.TAG_BYTES * 8, nonce));
            cipher.updateAAD(aadBytes(aad));
            int written = cipher.doFinal(compressed, 0, n, out, 1 + AesGcm.NONCE_BYTES);
            if (written != n + AesGcm.TAG_BYTES) {
                throw new CryptoException("AES-GCM produced " + written + " bytes for " + n);
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-256-GCM sealing of a live chunk failed", e);
        } finally {
            SecretKeys.wipe(key);
            java.util.Arrays.fill(compressed, 0, n, (byte) 0);
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
            Cipher cipher = crypto.bulkCipher(TRANSFORMATION);
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(AesGcm.TAG_BYTES * 8, sealed, 1, AesGcm.NONCE_BYTES));
            cipher.updateAAD(aadBytes(aad));
            compressed = cipher.doFinal(sealed, 1 + AesGcm.NONCE_BYTES, sealed.length - 1 - AesGcm.NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SealedChunkException("the sealed chunk does not open: wrong key, wrong chunk or altered bytes");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-256-GCM opening of a live chunk failed", e);
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

    /**
     * K for this TEK and key id, as a copy the caller wipes. The last one derived is kept (with
     * the TEK it came from, compared in constant time): every chunk of a key period has the same K,
     * and HKDF at each chunk was a fifth of the publisher's own work per chunk (docs/live.md §9).
     */
    private byte[] chunkKey(byte[] trafficKey, String keyId) {
        synchronized (keyCache) {
            if (cachedKey == null || !keyId.equals(cachedKeyId) || !MessageDigest.isEqual(cachedTek, trafficKey)) {
                if (cachedKey != null) {
                    SecretKeys.wipe(cachedKey);
                    SecretKeys.wipe(cachedTek);
                }
                cachedKey = new Hkdf(crypto)
                        .derive(trafficKey, SALT, keyId.getBytes(StandardCharsets.UTF_8), Hkdf.HASH_BYTES);
                cachedTek = trafficKey.clone();
                cachedKeyId = keyId;
            }
            return cachedKey.clone();
        }
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
