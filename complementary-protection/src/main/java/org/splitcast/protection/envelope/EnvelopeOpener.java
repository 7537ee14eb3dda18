package org.splitcast.protection.envelope;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.separation.complementary.ComplementaryInfo;

/**
 * Opens envelopes sealed for one {@link EnvelopeContext} under one base key (a terminal's Kc from
 * its license; a re-sealer's old Kc): checks the position, verifies the tag over the ciphertext,
 * the clear header and the context, decrypts and decompresses (docs/protected-complementary-format.md
 * §5). Nothing of an envelope is returned unless all of it verifies.
 *
 * <p>Keys derived for the salts seen are kept (a few: envelopes of one response share a salt).
 * Thread-safe; {@link #close()} wipes the key material.
 */
public final class EnvelopeOpener implements AutoCloseable {

    private static final int CACHED_KEYS = 8;

    private final CryptoProvider crypto;
    private final EnvelopeContext context;
    private byte[] baseKey;
    private final Map<ByteBuffer, SecretKeySpec> keys = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, SecretKeySpec> eldest) {
            return size() > CACHED_KEYS;
        }
    };

    /** @param baseKey the 32-byte Kc (or TEK); copied, wiped on {@link #close()} */
    public EnvelopeOpener(EnvelopeContext context, byte[] baseKey, CryptoProvider crypto) {
        this.context = Objects.requireNonNull(context, "context");
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.baseKey = EnvelopeCrypto.checkBaseKey(baseKey);
    }

    public EnvelopeContext context() {
        return context;
    }

    /**
     * Opens the envelope expected at this position.
     *
     * @return the plaintext: the header bytes, or the chunk or trailer record
     * @throws EnvelopeException {@code WRONG_POSITION} if it is another type or index, {@code
     *     NOT_AUTHENTIC} if its tag does not verify under this key and context, {@code MALFORMED} if
     *     it decrypts to something that is not what its type promises
     */
    public byte[] open(Envelope envelope, EnvelopeType expectedType, long expectedIndex) throws EnvelopeException {
        if (envelope.type() != expectedType || envelope.index() != expectedIndex) {
            throw new EnvelopeException(
                    EnvelopeException.Kind.WRONG_POSITION,
                    "received " + envelope.describe() + " where " + expectedType.describe(expectedIndex)
                            + " was expected");
        }
        return open(envelope);
    }

    /** Opens an envelope wherever it claims to be: the caller checks its type and index. */
    public byte[] open(Envelope envelope) throws EnvelopeException {
        byte[] bytes = envelope.bytesRef();
        SecretKeySpec key = key(envelope);
        byte[] payload;
        try {
            Cipher cipher = crypto.bulkCipher(EnvelopeCrypto.TRANSFORMATION);
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(
                            Envelope.TAG_BYTES * 8, EnvelopeCrypto.nonce(envelope.type(), envelope.index())));
            cipher.updateAAD(bytes, 0, Envelope.HEADER_BYTES);
            cipher.updateAAD(context.encodedRef());
            payload = cipher.doFinal(bytes, Envelope.HEADER_BYTES, bytes.length - Envelope.HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw new EnvelopeException(
                    EnvelopeException.Kind.NOT_AUTHENTIC,
                    envelope.describe() + " does not open with the key " + context.keyId() + " of content "
                            + context.contentId()
                            + ": it was sealed under another key or for another content, or it was altered");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES-256-GCM opening of " + envelope.describe() + " failed", e);
        }
        byte[] plaintext =
                switch (envelope.compression()) {
                    case NONE -> payload;
                    case DEFLATE -> Codecs.inflate(
                            payload, 0, payload.length, envelope.plaintextLength(), envelope.describe());
                };
        if (plaintext.length != envelope.plaintextLength()) {
            throw new EnvelopeException(
                    EnvelopeException.Kind.MALFORMED,
                    envelope.describe() + " holds " + plaintext.length + " bytes, its header announces "
                            + envelope.plaintextLength());
        }
        checkPlaintext(envelope, plaintext);
        return plaintext;
    }

    /** The sealer's contract on what each type carries (catches a sealer that mixed them up). */
    private static void checkPlaintext(Envelope envelope, byte[] plaintext) throws EnvelopeException {
        boolean ok =
                switch (envelope.type()) {
                    case HEADER -> plaintext.length >= ComplementaryInfo.MAGIC.length
                            && Arrays.equals(
                                    plaintext,
                                    0,
                                    ComplementaryInfo.MAGIC.length,
                                    ComplementaryInfo.MAGIC,
                                    0,
                                    ComplementaryInfo.MAGIC.length);
                    case CHUNK -> plaintext.length > 0 && plaintext[0] == 0x01;
                    case TRAILER -> plaintext.length > 0 && plaintext[0] == 0x02;
                };
        if (!ok) {
            throw new EnvelopeException(
                    EnvelopeException.Kind.MALFORMED,
                    envelope.describe() + " is authentic but does not hold a complementary "
                            + envelope.type().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private synchronized SecretKeySpec key(Envelope envelope) {
        if (baseKey == null) {
            throw new IllegalStateException("this opener is closed");
        }
        ByteBuffer salt = ByteBuffer.wrap(envelope.salt());
        SecretKeySpec key = keys.get(salt);
        if (key == null) {
            key = EnvelopeCrypto.deriveKey(crypto, baseKey, envelope.salt(), context);
            keys.put(salt, key);
        }
        return key;
    }

    /** Wipes the base key and forgets the derived keys. */
    @Override
    public synchronized void close() {
        SecretKeys.wipe(baseKey);
        baseKey = null;
        keys.clear();
    }
}
