package org.splitcast.protection.envelope;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;

/**
 * One sealing run (seed 000, claim 4): compresses and encrypts the records of one complementary
 * information into envelopes (docs/protected-complementary-format.md). A run draws a fresh random
 * 16-byte seal salt, derives its own AES-256 key from the base key (Kc, or a TEK), the salt and the
 * {@link EnvelopeContext}, and uses the nonce {@code type || index}: the run refuses to seal the
 * same position twice (the header once, chunks in strictly increasing order, the trailer once), so
 * no nonce ever repeats under its key.
 *
 * <p>One run per stored file, per re-sealing, per live key period. Thread-safe; {@link #close()}
 * wipes the key material it holds.
 */
public final class EnvelopeSealer implements AutoCloseable {

    private final CryptoProvider crypto;
    private final EnvelopeContext context;
    private final CompressionPolicy compression;
    private final byte[] salt;
    private SecretKeySpec key;
    private boolean headerSealed;
    private boolean trailerSealed;
    private long lastChunk = -1;
    // adaptive compression: plaintext and payload bytes of the chunks tried so far
    private long triedPlaintext;
    private long triedPayload;
    private long triedChunks;
    private long skippedChunks;
    private boolean compressionPays = true;

    private EnvelopeSealer(
            CryptoProvider crypto,
            EnvelopeContext context,
            byte[] baseKey,
            CompressionPolicy compression,
            byte[] salt) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.context = Objects.requireNonNull(context, "context");
        this.compression = Objects.requireNonNull(compression, "compression");
        if (salt.length != Envelope.SALT_BYTES) {
            throw new IllegalArgumentException("a seal salt is " + Envelope.SALT_BYTES + " bytes");
        }
        this.salt = salt.clone();
        byte[] base = EnvelopeCrypto.checkBaseKey(baseKey);
        try {
            this.key = EnvelopeCrypto.deriveKey(crypto, base, this.salt, context);
        } finally {
            SecretKeys.wipe(base);
        }
    }

    /**
     * A new sealing run with a fresh salt.
     *
     * @param baseKey the 32-byte content key Kc (or traffic key TEK); copied, not kept
     */
    public static EnvelopeSealer create(
            EnvelopeContext context, byte[] baseKey, CompressionPolicy compression, CryptoProvider crypto) {
        return new EnvelopeSealer(crypto, context, baseKey, compression, crypto.randomBytes(Envelope.SALT_BYTES));
    }

    /** A run with a given salt: test vectors only (a reused salt would reuse nonces). */
    static EnvelopeSealer withSalt(
            EnvelopeContext context,
            byte[] baseKey,
            CompressionPolicy compression,
            CryptoProvider crypto,
            byte[] salt) {
        return new EnvelopeSealer(crypto, context, baseKey, compression, salt);
    }

    public EnvelopeContext context() {
        return context;
    }

    public CompressionPolicy compression() {
        return compression;
    }

    /** This run's seal salt (public: it travels in every envelope). */
    public byte[] salt() {
        return salt.clone();
    }

    /**
     * Seals the container's header (its bytes, starting with "SCCI"). Once per run. Headers are
     * never compressed, so that the envelope's size is known from the header's length (a store
     * reserves its place before the header is final).
     */
    public byte[] sealHeader(byte[] header) {
        return seal(EnvelopeType.HEADER, 0, header);
    }

    /** Seals the record of chunk {@code index}; indexes must increase from one call to the next. */
    public byte[] sealChunk(long index, byte[] record) {
        return seal(EnvelopeType.CHUNK, index, record);
    }

    /** Seals the trailer record of a container of {@code chunkCount} chunks. Once per run. */
    public byte[] sealTrailer(long chunkCount, byte[] record) {
        return seal(EnvelopeType.TRAILER, chunkCount, record);
    }

    /**
     * Compresses (if it pays) and encrypts {@code plaintext} as the envelope of {@code type} at
     * {@code index}.
     *
     * @throws IllegalStateException if this run already sealed that position (or a later chunk),
     *     or was closed
     */
    public byte[] seal(EnvelopeType type, long index, byte[] plaintext) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(plaintext, "plaintext");
        if (plaintext.length > Envelope.MAX_PLAINTEXT_BYTES) {
            throw new IllegalArgumentException(type.describe(index) + " has " + plaintext.length
                    + " bytes, more than an envelope carries (" + Envelope.MAX_PLAINTEXT_BYTES + ")");
        }
        if (index < 0 || (type == EnvelopeType.HEADER && index != 0)) {
            throw new IllegalArgumentException("invalid index " + index + " for " + type);
        }
        SecretKeySpec runKey = claim(type, index);
        Compression used = Compression.NONE;
        byte[] payload = plaintext;
        if (compression.compression() == Compression.DEFLATE && type != EnvelopeType.HEADER && tryCompression(type)) {
            byte[] deflated = Codecs.deflate(plaintext, compression.level());
            if (deflated != null) {
                used = Compression.DEFLATE;
                payload = deflated;
            }
            if (type == EnvelopeType.CHUNK) {
                judge(plaintext.length, payload.length);
            }
        }
        byte[] out = new byte[Envelope.HEADER_BYTES + payload.length + Envelope.TAG_BYTES];
        ByteBuffer header = ByteBuffer.wrap(out, 0, Envelope.HEADER_BYTES);
        header.put(Envelope.MAGIC)
                .put((byte) Envelope.VERSION)
                .put((byte) type.code())
                .put((byte) used.code())
                .put((byte) 0)
                .put(salt)
                .putLong(index)
                .putInt(plaintext.length)
                .putInt(payload.length + Envelope.TAG_BYTES);
        try {
            Cipher cipher = crypto.bulkCipher(EnvelopeCrypto.TRANSFORMATION);
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    runKey,
                    new GCMParameterSpec(Envelope.TAG_BYTES * 8, EnvelopeCrypto.nonce(type, index)));
            cipher.updateAAD(out, 0, Envelope.HEADER_BYTES);
            cipher.updateAAD(context.encodedRef());
            int n = cipher.doFinal(payload, 0, payload.length, out, Envelope.HEADER_BYTES);
            if (n != payload.length + Envelope.TAG_BYTES) {
                throw new CryptoException("AES-GCM produced " + n + " bytes for a " + payload.length + "-byte payload");
            }
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-256-GCM sealing of " + type.describe(index) + " failed", e);
        }
        return out;
    }

    /** Whether to try compressing this record (an adaptive policy skips when it has not paid). */
    private synchronized boolean tryCompression(EnvelopeType type) {
        if (!compression.adaptive() || type != EnvelopeType.CHUNK || compressionPays) {
            return true;
        }
        return ++skippedChunks % CompressionPolicy.REPROBE_EVERY == 0;
    }

    private synchronized void judge(int plaintextLength, int payloadLength) {
        if (!compression.adaptive()) {
            return;
        }
        if (compressionPays) {
            triedPlaintext += plaintextLength;
            triedPayload += payloadLength;
            if (++triedChunks >= CompressionPolicy.PROBE_CHUNKS
                    && (triedPlaintext - triedPayload) * 100 < triedPlaintext * CompressionPolicy.MIN_SAVING_PERCENT) {
                compressionPays = false;
            }
        } else if ((long) (plaintextLength - payloadLength) * 100
                >= (long) plaintextLength * CompressionPolicy.MIN_SAVING_PERCENT) {
            // a re-probe that pays: judge afresh from here
            compressionPays = true;
            triedPlaintext = plaintextLength;
            triedPayload = payloadLength;
            triedChunks = 1;
        }
    }

    /** Records that the position is used, before anything is encrypted under its nonce. */
    private synchronized SecretKeySpec claim(EnvelopeType type, long index) {
        if (key == null) {
            throw new IllegalStateException("this sealing run is closed");
        }
        switch (type) {
            case HEADER -> {
                if (headerSealed) {
                    throw new IllegalStateException("this sealing run already sealed a header");
                }
                headerSealed = true;
            }
            case TRAILER -> {
                if (trailerSealed) {
                    throw new IllegalStateException("this sealing run already sealed a trailer");
                }
                trailerSealed = true;
            }
            case CHUNK -> {
                if (index <= lastChunk) {
                    throw new IllegalStateException("chunk " + index + " after chunk " + lastChunk
                            + ": a sealing run seals chunks in order, once");
                }
                lastChunk = index;
            }
        }
        return key;
    }

    /** Forgets the derived key; the run cannot seal anything afterwards. */
    @Override
    public synchronized void close() {
        key = null;
    }
}
