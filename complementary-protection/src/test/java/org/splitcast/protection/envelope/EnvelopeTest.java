package org.splitcast.protection.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.splitcast.crypto.CryptoProvider;

class EnvelopeTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final EnvelopeContext CONTEXT = EnvelopeContext.onDemand("big-buck-bunny", "kc-1");

    private final byte[] kc = CRYPTO.randomBytes(32);

    /** A plaintext that starts the way its type's plaintext must ("SCCI", 0x01, 0x02). */
    static byte[] plaintext(EnvelopeType type, int length, boolean compressible, long seed) {
        byte[] p = new byte[length];
        if (compressible) {
            for (int i = 0; i < length; i++) {
                p[i] = (byte) ((i / 7) % 5);
            }
        } else {
            new Random(seed).nextBytes(p);
        }
        switch (type) {
            case HEADER -> System.arraycopy(
                    new byte[] {'S', 'C', 'C', 'I', '\r', '\n', 0x1A, '\n'}, 0, p, 0, Math.min(8, length));
            case CHUNK -> p[0] = 0x01;
            case TRAILER -> p[0] = 0x02;
        }
        return p;
    }

    private EnvelopeSealer sealer(CompressionPolicy policy) {
        return EnvelopeSealer.create(CONTEXT, kc, policy, CRYPTO);
    }

    private EnvelopeOpener opener() {
        return new EnvelopeOpener(CONTEXT, kc, CRYPTO);
    }

    @ParameterizedTest
    @EnumSource(EnvelopeType.class)
    void everyTypeRoundTripsWithAndWithoutCompression(EnvelopeType type) throws Exception {
        long index = type == EnvelopeType.HEADER ? 0 : 41;
        for (CompressionPolicy policy :
                new CompressionPolicy[] {CompressionPolicy.NONE, CompressionPolicy.deflate(6)}) {
            for (boolean compressible : new boolean[] {true, false}) {
                byte[] plain = plaintext(type, type == EnvelopeType.HEADER ? 80 : 20_000, compressible, 7);
                byte[] sealed;
                try (EnvelopeSealer s = sealer(policy)) {
                    sealed = s.seal(type, index, plain);
                }
                Envelope e = Envelope.parse(sealed);
                assertEquals(type, e.type());
                assertEquals(index, e.index());
                assertEquals(plain.length, e.plaintextLength());
                try (EnvelopeOpener o = opener()) {
                    assertArrayEquals(plain, o.open(e, type, index));
                }
                assertFalse(contains(sealed, Arrays.copyOfRange(plain, 8, 40)), "plaintext visible in the envelope");
            }
        }
    }

    @Test
    void compressibleChunksAreDeflatedAndIncompressibleOnesAreNot() throws Exception {
        try (EnvelopeSealer s = sealer(CompressionPolicy.deflate(6))) {
            Envelope squeezed = Envelope.parse(s.sealChunk(0, plaintext(EnvelopeType.CHUNK, 20_000, true, 1)));
            Envelope random = Envelope.parse(s.sealChunk(1, plaintext(EnvelopeType.CHUNK, 20_000, false, 2)));
            Envelope header = Envelope.parse(s.sealHeader(plaintext(EnvelopeType.HEADER, 80, true, 3)));

            assertEquals(Compression.DEFLATE, squeezed.compression());
            assertTrue(squeezed.length() < 2_000, "a repetitive chunk shrinks: " + squeezed.length());
            assertEquals(Compression.NONE, random.compression());
            assertEquals(Envelope.HEADER_BYTES + 20_000 + Envelope.TAG_BYTES, random.length());
            assertEquals(Compression.NONE, header.compression(), "headers are never compressed");
        }
    }

    @Test
    void theAdaptivePolicyStopsCompressingWhatDoesNotShrinkAndTriesAgainLater() throws Exception {
        byte[] random = plaintext(EnvelopeType.CHUNK, 4_000, false, 20);
        byte[] repetitive = plaintext(EnvelopeType.CHUNK, 4_000, true, 21);
        try (EnvelopeSealer s = sealer(CompressionPolicy.DEFAULT);
                EnvelopeOpener o = opener()) {
            long i = 0;
            for (; i < CompressionPolicy.PROBE_CHUNKS; i++) {
                assertEquals(
                        Compression.NONE, Envelope.parse(s.sealChunk(i, random)).compression());
            }
            // judged incompressible: a chunk that would shrink is no longer tried...
            for (int skipped = 1; skipped < CompressionPolicy.REPROBE_EVERY; skipped++, i++) {
                Envelope e = Envelope.parse(s.sealChunk(i, repetitive));
                assertEquals(Compression.NONE, e.compression(), "chunk " + i);
                assertArrayEquals(repetitive, o.open(e, EnvelopeType.CHUNK, i));
            }
            // ...until the periodic re-probe finds that it pays, and compression resumes
            assertEquals(
                    Compression.DEFLATE,
                    Envelope.parse(s.sealChunk(i++, repetitive)).compression());
            assertEquals(
                    Compression.DEFLATE,
                    Envelope.parse(s.sealChunk(i++, repetitive)).compression());
        }
        try (EnvelopeSealer s = sealer(CompressionPolicy.deflate(1))) {
            for (long i = 0; i < CompressionPolicy.PROBE_CHUNKS; i++) {
                s.sealChunk(i, random);
            }
            assertEquals(
                    Compression.DEFLATE,
                    Envelope.parse(s.sealChunk(100, repetitive)).compression(),
                    "a fixed policy always tries");
        }
    }

    @Test
    void everySingleBitFlipIsRefused() throws Exception {
        for (CompressionPolicy policy :
                new CompressionPolicy[] {CompressionPolicy.NONE, CompressionPolicy.deflate(6)}) {
            byte[] sealed;
            try (EnvelopeSealer s = sealer(policy)) {
                sealed = s.sealChunk(3, plaintext(EnvelopeType.CHUNK, 300, true, 4));
            }
            assertEquals(policy.compression(), Envelope.parse(sealed).compression());
            try (EnvelopeOpener o = opener()) {
                for (int i = 0; i < sealed.length; i++) {
                    for (int bit = 0; bit < 8; bit++) {
                        byte[] altered = sealed.clone();
                        altered[i] ^= (byte) (1 << bit);
                        String where = "flipped bit " + bit + " of byte " + i + " and it still opened";
                        EnvelopeException e = assertThrows(
                                EnvelopeException.class,
                                () -> o.open(Envelope.parse(altered), EnvelopeType.CHUNK, 3),
                                where);
                        if (i >= Envelope.HEADER_BYTES || (i >= 8 && i < 24)) {
                            assertEquals(EnvelopeException.Kind.NOT_AUTHENTIC, e.kind(), e.getMessage());
                        }
                    }
                }
            }
        }
    }

    @Test
    void tamperedFieldsAreNamedClearly() throws Exception {
        byte[] sealed;
        try (EnvelopeSealer s = sealer(CompressionPolicy.NONE)) {
            sealed = s.sealChunk(5, plaintext(EnvelopeType.CHUNK, 1000, false, 5));
        }
        try (EnvelopeOpener o = opener()) {
            byte[] tag = sealed.clone();
            tag[tag.length - 1] ^= 0x55;
            assertKind(EnvelopeException.Kind.NOT_AUTHENTIC, () -> o.open(Envelope.parse(tag), EnvelopeType.CHUNK, 5));

            byte[] ciphertext = sealed.clone();
            ciphertext[Envelope.HEADER_BYTES + 10] ^= 0x01;
            assertKind(
                    EnvelopeException.Kind.NOT_AUTHENTIC,
                    () -> o.open(Envelope.parse(ciphertext), EnvelopeType.CHUNK, 5));

            // the clear index rewritten, and the envelope offered at the position it now claims
            byte[] moved = sealed.clone();
            ByteBuffer.wrap(moved).putLong(24, 6);
            assertKind(
                    EnvelopeException.Kind.NOT_AUTHENTIC, () -> o.open(Envelope.parse(moved), EnvelopeType.CHUNK, 6));

            byte[] asTrailer = sealed.clone();
            asTrailer[5] = (byte) EnvelopeType.TRAILER.code();
            assertKind(
                    EnvelopeException.Kind.NOT_AUTHENTIC,
                    () -> o.open(Envelope.parse(asTrailer), EnvelopeType.TRAILER, 5));

            byte[] deflated = sealed.clone();
            deflated[6] = (byte) Compression.DEFLATE.code();
            assertKind(
                    EnvelopeException.Kind.NOT_AUTHENTIC,
                    () -> o.open(Envelope.parse(deflated), EnvelopeType.CHUNK, 5));

            byte[] version = sealed.clone();
            version[4] = 2;
            assertKind(EnvelopeException.Kind.UNSUPPORTED, () -> Envelope.parse(version));

            byte[] zstd = sealed.clone();
            zstd[6] = (byte) Compression.RESERVED_ZSTD;
            EnvelopeException z = assertKind(EnvelopeException.Kind.UNSUPPORTED, () -> Envelope.parse(zstd));
            assertTrue(z.getMessage().contains("zstd"), z.getMessage());

            byte[] magic = sealed.clone();
            magic[0] = 'X';
            assertKind(EnvelopeException.Kind.MALFORMED, () -> Envelope.parse(magic));

            assertKind(
                    EnvelopeException.Kind.TRUNCATED, () -> Envelope.parse(Arrays.copyOf(sealed, sealed.length - 1)));
            assertKind(
                    EnvelopeException.Kind.MALFORMED, () -> Envelope.parse(Arrays.copyOf(sealed, sealed.length + 1)));
        }
    }

    @Test
    void anEnvelopeOpensOnlyAtItsOwnPosition() throws Exception {
        byte[] chunk7;
        byte[] trailer;
        try (EnvelopeSealer s = sealer(CompressionPolicy.NONE)) {
            chunk7 = s.sealChunk(7, plaintext(EnvelopeType.CHUNK, 500, false, 9));
            trailer = s.sealTrailer(8, plaintext(EnvelopeType.TRAILER, 60, false, 10));
        }
        try (EnvelopeOpener o = opener()) {
            assertKind(
                    EnvelopeException.Kind.WRONG_POSITION, () -> o.open(Envelope.parse(chunk7), EnvelopeType.CHUNK, 8));
            assertKind(
                    EnvelopeException.Kind.WRONG_POSITION,
                    () -> o.open(Envelope.parse(chunk7), EnvelopeType.TRAILER, 7));
            assertKind(
                    EnvelopeException.Kind.WRONG_POSITION,
                    () -> o.open(Envelope.parse(trailer), EnvelopeType.TRAILER, 9));
            assertEquals(500, o.open(Envelope.parse(chunk7), EnvelopeType.CHUNK, 7).length);
        }
    }

    @Test
    void anEnvelopeOfAnotherContentKeyIdPurposeOrKeyDoesNotOpen() throws Exception {
        byte[] sealed;
        try (EnvelopeSealer s = sealer(CompressionPolicy.NONE)) {
            sealed = s.sealChunk(0, plaintext(EnvelopeType.CHUNK, 200, false, 11));
        }
        Envelope e = Envelope.parse(sealed);
        for (EnvelopeContext other : new EnvelopeContext[] {
            EnvelopeContext.onDemand("sintel", "kc-1"),
            EnvelopeContext.onDemand("big-buck-bunny", "kc-2"),
            EnvelopeContext.live("big-buck-bunny", "kc-1"),
            EnvelopeContext.of("on-demand2", "big-buck-bunny", "kc-1")
        }) {
            try (EnvelopeOpener o = new EnvelopeOpener(other, kc, CRYPTO)) {
                EnvelopeException x =
                        assertKind(EnvelopeException.Kind.NOT_AUTHENTIC, () -> o.open(e, EnvelopeType.CHUNK, 0));
                assertFalse(x.getMessage().contains(java.util.HexFormat.of().formatHex(kc)), "no key in messages");
            }
        }
        byte[] otherKey = kc.clone();
        otherKey[31] ^= 1;
        try (EnvelopeOpener o = new EnvelopeOpener(CONTEXT, otherKey, CRYPTO)) {
            assertKind(EnvelopeException.Kind.NOT_AUTHENTIC, () -> o.open(e, EnvelopeType.CHUNK, 0));
        }
    }

    @Test
    void aSealingRunNeverSealsAPositionTwice() {
        try (EnvelopeSealer s = sealer(CompressionPolicy.NONE)) {
            byte[] p = plaintext(EnvelopeType.CHUNK, 10, false, 1);
            s.sealChunk(4, p);
            assertThrows(IllegalStateException.class, () -> s.sealChunk(4, p));
            assertThrows(IllegalStateException.class, () -> s.sealChunk(3, p));
            s.sealChunk(9, p);
            s.sealHeader(plaintext(EnvelopeType.HEADER, 80, false, 2));
            assertThrows(IllegalStateException.class, () -> s.sealHeader(plaintext(EnvelopeType.HEADER, 80, false, 2)));
            s.sealTrailer(10, plaintext(EnvelopeType.TRAILER, 10, false, 3));
            assertThrows(
                    IllegalStateException.class,
                    () -> s.sealTrailer(10, plaintext(EnvelopeType.TRAILER, 10, false, 3)));
            s.close();
            assertThrows(IllegalStateException.class, () -> s.sealChunk(10, p));
        }
    }

    @Test
    void twoRunsOverTheSameKeyUseDifferentSaltsAndSoDifferentKeys() throws Exception {
        byte[] p = plaintext(EnvelopeType.CHUNK, 64, false, 12);
        byte[] a;
        byte[] b;
        try (EnvelopeSealer s1 = sealer(CompressionPolicy.NONE);
                EnvelopeSealer s2 = sealer(CompressionPolicy.NONE)) {
            assertFalse(Arrays.equals(s1.salt(), s2.salt()));
            a = s1.sealChunk(0, p);
            b = s2.sealChunk(0, p);
        }
        byte[] ca = Arrays.copyOfRange(a, Envelope.HEADER_BYTES, a.length);
        byte[] cb = Arrays.copyOfRange(b, Envelope.HEADER_BYTES, b.length);
        assertFalse(Arrays.equals(ca, cb), "same position, same plaintext, same Kc: still another keystream");
        try (EnvelopeOpener o = opener()) {
            assertArrayEquals(p, o.open(Envelope.parse(a), EnvelopeType.CHUNK, 0));
            assertArrayEquals(p, o.open(Envelope.parse(b), EnvelopeType.CHUNK, 0));
        }
    }

    @Test
    void authenticButInconsistentPayloadsAreRefused() throws Exception {
        byte[] chunk = plaintext(EnvelopeType.CHUNK, 5_000, true, 13);
        byte[] deflated = Codecs.deflate(chunk, 6);
        try (EnvelopeOpener o = opener()) {
            // announces fewer bytes than the payload inflates to: the opener stops at the announced size
            assertKind(
                    EnvelopeException.Kind.MALFORMED,
                    () -> o.open(
                            craft(EnvelopeType.CHUNK, 0, Compression.DEFLATE, 4_000, deflated), EnvelopeType.CHUNK, 0));
            // announces more
            assertKind(
                    EnvelopeException.Kind.MALFORMED,
                    () -> o.open(
                            craft(EnvelopeType.CHUNK, 0, Compression.DEFLATE, 5_001, deflated), EnvelopeType.CHUNK, 0));
            // garbage that is not Deflate
            byte[] garbage = plaintext(EnvelopeType.CHUNK, 100, false, 14);
            assertKind(
                    EnvelopeException.Kind.MALFORMED,
                    () -> o.open(
                            craft(EnvelopeType.CHUNK, 0, Compression.DEFLATE, 4_000, garbage), EnvelopeType.CHUNK, 0));
            // bytes after the Deflate stream
            byte[] longer = Arrays.copyOf(deflated, deflated.length + 3);
            assertKind(
                    EnvelopeException.Kind.MALFORMED,
                    () -> o.open(
                            craft(EnvelopeType.CHUNK, 0, Compression.DEFLATE, 5_000, longer), EnvelopeType.CHUNK, 0));
            // a chunk envelope that holds a trailer record
            byte[] trailerRecord = plaintext(EnvelopeType.TRAILER, 50, false, 15);
            assertKind(
                    EnvelopeException.Kind.MALFORMED,
                    () -> o.open(
                            craft(EnvelopeType.CHUNK, 0, Compression.NONE, 50, trailerRecord), EnvelopeType.CHUNK, 0));
            // and the well-formed one opens
            assertArrayEquals(
                    chunk,
                    o.open(craft(EnvelopeType.CHUNK, 0, Compression.DEFLATE, 5_000, deflated), EnvelopeType.CHUNK, 0));
        }
    }

    @Test
    void envelopesAreReadOneAfterAnotherFromAStream() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (EnvelopeSealer s = sealer(CompressionPolicy.deflate(6))) {
            for (int i = 0; i < 5; i++) {
                all.write(s.sealChunk(i, plaintext(EnvelopeType.CHUNK, 1000 + i, i % 2 == 0, i)));
            }
        }
        byte[] bytes = all.toByteArray();
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        for (int i = 0; i < 5; i++) {
            assertEquals(i, Envelope.read(in, "test").index());
        }
        assertNull(Envelope.read(in, "test"));
        ByteArrayInputStream cut = new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 10));
        EnvelopeException e = assertThrows(EnvelopeException.class, () -> {
            while (Envelope.read(cut, "the response") != null) {
                // reading on
            }
        });
        assertEquals(EnvelopeException.Kind.TRUNCATED, e.kind());
        assertTrue(e.getMessage().contains("chunk 4"), e.getMessage());
    }

    @Test
    void hugeAnnouncedLengthsAreRefusedBeforeAnyAllocation() {
        byte[] header = new byte[Envelope.HEADER_BYTES];
        System.arraycopy(Envelope.MAGIC, 0, header, 0, 4);
        header[4] = 1;
        header[5] = (byte) EnvelopeType.CHUNK.code();
        ByteBuffer.wrap(header).putInt(32, Integer.MAX_VALUE).putInt(36, 100);
        EnvelopeException e = assertThrows(
                EnvelopeException.class, () -> Envelope.read(new ByteArrayInputStream(header), "a hostile body"));
        assertEquals(EnvelopeException.Kind.MALFORMED, e.kind());
        ByteBuffer.wrap(header).putInt(32, 100).putInt(36, 117);
        assertThrows(EnvelopeException.class, () -> Envelope.read(new ByteArrayInputStream(header), "a hostile body"));
    }

    @Test
    void nativeAndBouncyCastleEnvelopesAreInterchangeable() throws Exception {
        byte[] p = plaintext(EnvelopeType.CHUNK, 3_000, false, 16);
        byte[] sealed;
        try (EnvelopeSealer s =
                EnvelopeSealer.create(CONTEXT, kc, CompressionPolicy.NONE, CryptoProvider.getDefault())) {
            sealed = s.sealChunk(2, p);
        }
        try (EnvelopeOpener o = new EnvelopeOpener(CONTEXT, kc, CryptoProvider.bouncyCastle())) {
            assertArrayEquals(p, o.open(Envelope.parse(sealed), EnvelopeType.CHUNK, 2));
        }
    }

    @Test
    void contextsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> EnvelopeContext.onDemand("", "kc"));
        assertThrows(IllegalArgumentException.class, () -> EnvelopeContext.onDemand("c", "k\n"));
        assertThrows(IllegalArgumentException.class, () -> EnvelopeContext.of("Upper", "c", "k"));
        assertThrows(IllegalArgumentException.class, () -> EnvelopeContext.onDemand("x".repeat(1025), "k"));
        assertNotEquals(EnvelopeContext.onDemand("ab", "c"), EnvelopeContext.onDemand("a", "bc"));
        assertThrows(IllegalArgumentException.class, () -> new EnvelopeOpener(CONTEXT, new byte[16], CRYPTO));
    }

    /** An authentic envelope around any payload, whatever its fields say (for the checks after decryption). */
    private Envelope craft(EnvelopeType type, long index, Compression compression, int plaintextLength, byte[] payload)
            throws Exception {
        byte[] salt = CRYPTO.randomBytes(16);
        byte[] out = new byte[Envelope.HEADER_BYTES + payload.length + 16];
        ByteBuffer.wrap(out)
                .put(Envelope.MAGIC)
                .put((byte) 1)
                .put((byte) type.code())
                .put((byte) compression.code())
                .put((byte) 0)
                .put(salt)
                .putLong(index)
                .putInt(plaintextLength)
                .putInt(payload.length + 16);
        Cipher c = CRYPTO.bulkCipher("AES/GCM/NoPadding");
        c.init(
                Cipher.ENCRYPT_MODE,
                EnvelopeCrypto.deriveKey(CRYPTO, kc, salt, CONTEXT),
                new GCMParameterSpec(128, EnvelopeCrypto.nonce(type, index)));
        c.updateAAD(out, 0, Envelope.HEADER_BYTES);
        c.updateAAD(CONTEXT.encoded());
        c.doFinal(payload, 0, payload.length, out, Envelope.HEADER_BYTES);
        return Envelope.parse(out);
    }

    private interface Action {
        Object run() throws Exception;
    }

    private static EnvelopeException assertKind(EnvelopeException.Kind kind, Action action) {
        EnvelopeException e = assertThrows(EnvelopeException.class, action::run);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
