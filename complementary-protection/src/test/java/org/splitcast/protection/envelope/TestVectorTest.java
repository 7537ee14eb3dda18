package org.splitcast.protection.envelope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.Deflater;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.separation.complementary.ComplementaryChunk;

/**
 * The test vector of docs/protected-complementary-format.md §6, computed independently (Python's
 * {@code cryptography}: HKDF, AESGCM) when the document was written, and a JDK-only recomputation of
 * the construction for a compressed envelope.
 */
class TestVectorTest {

    private static final HexFormat HEX = HexFormat.of();

    static final byte[] KC = range(0x00, 32);
    static final byte[] SALT = range(0xa0, 16);
    static final EnvelopeContext CONTEXT = EnvelopeContext.onDemand("big-buck-bunny", "kc-1");
    /** The chunk record of docs/complementary-format.md §12 (chunk 1). */
    static final byte[] RECORD = HEX.parseHex(
            "015100112233445566778899aabbccddeeff01a0fe0aa0fe0ae807b40469cac24ad3c48c9546bbeff1457e59ef5162f6ee84670de0cde7d36f7aae8a8df0710a500204020328f80841112233445566778899aadb359785");

    static final String CONTEXT_HEX = "00096f6e2d64656d616e64000e6269672d6275636b2d62756e6e7900046b632d31";
    static final String KEY_HEX = "a46cd9e7f7eaeb563548582253f7f433596d060f25cc7323c64a06a5b96cdd86";
    static final String ENVELOPE_HEX =
            "5343504501020000a0a1a2a3a4a5a6a7a8a9aaabacadaeaf000000000000000100000057000000672891ab20f02f3860c01d97ed808838eee87c29d6d74f8f094038145c8340cdb8e519ce81cd4d95799beea12d541e7433ee9885b01fb468bcf727cc3723b793d3a332d2ffd1abe2866d14fff8d0040fbba0aa45e9baa10381f7d38c1ab79e55a5f583a15b86bfd3";

    @Test
    void theRecordIsTheFormatDocumentsExampleChunk() throws Exception {
        ComplementaryChunk chunk = ComplementaryChunk.decode(RECORD);
        assertEquals(1, chunk.index());
        assertEquals(1000, chunk.mainOffset());
    }

    @Test
    void sealingGivesTheDocumentedEnvelope() {
        assertEquals(CONTEXT_HEX, HEX.formatHex(CONTEXT.encoded()));
        assertEquals(
                KEY_HEX,
                HEX.formatHex(EnvelopeCrypto.deriveKey(CryptoProvider.bouncyCastle(), KC, SALT, CONTEXT)
                        .getEncoded()));
        for (CryptoProvider crypto :
                new CryptoProvider[] {CryptoProvider.getDefault(), CryptoProvider.bouncyCastle()}) {
            try (EnvelopeSealer sealer = EnvelopeSealer.withSalt(CONTEXT, KC, CompressionPolicy.NONE, crypto, SALT)) {
                assertEquals(ENVELOPE_HEX, HEX.formatHex(sealer.sealChunk(1, RECORD)), crypto.name());
            }
        }
    }

    @Test
    void theDocumentedEnvelopeOpens() throws Exception {
        try (EnvelopeOpener opener = new EnvelopeOpener(CONTEXT, KC, CryptoProvider.getDefault())) {
            assertArrayEquals(RECORD, opener.open(Envelope.parse(HEX.parseHex(ENVELOPE_HEX)), EnvelopeType.CHUNK, 1));
        }
    }

    /** The whole construction with the JDK's own HMAC, AES-GCM and Deflate, as the document says it. */
    @Test
    void aJdkOnlyDeflatedEnvelopeOpens() throws Exception {
        byte[] plaintext = new byte[3000];
        plaintext[0] = 0x01;
        for (int i = 1; i < plaintext.length; i++) {
            plaintext[i] = (byte) ("splitcast".charAt(i % 9));
        }
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(plaintext);
        deflater.finish();
        byte[] buffer = new byte[4096];
        int n = deflater.deflate(buffer);
        deflater.end();

        byte[] label = "on-demand".getBytes(StandardCharsets.US_ASCII);
        byte[] content = "sintel".getBytes(StandardCharsets.UTF_8);
        byte[] keyId = "7d5f6c97-b757-41a0-b45b-9d9bd647a7e1".getBytes(StandardCharsets.UTF_8);
        ByteBuffer context = ByteBuffer.allocate(6 + label.length + content.length + keyId.length);
        context.putShort((short) label.length).put(label);
        context.putShort((short) content.length).put(content);
        context.putShort((short) keyId.length).put(keyId);
        byte[] info = ByteBuffer.allocate(21 + context.capacity())
                .put("splitcast-scpe/1 key".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 0)
                .put(context.array())
                .array();
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(SALT, "HmacSHA256"));
        byte[] prk = hmac.doFinal(KC);
        hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
        hmac.update(info);
        hmac.update((byte) 1);
        byte[] ke = hmac.doFinal();

        long index = 42;
        ByteBuffer envelope = ByteBuffer.allocate(40 + n + 16);
        envelope.put("SCPE".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 1)
                .put((byte) 2)
                .put((byte) 1)
                .put((byte) 0)
                .put(SALT)
                .putLong(index)
                .putInt(plaintext.length)
                .putInt(n + 16);
        byte[] nonce = ByteBuffer.allocate(12).put((byte) 2).putLong(4, index).array();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(ke, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(envelope.array(), 0, 40);
        gcm.updateAAD(context.array());
        gcm.doFinal(buffer, 0, n, envelope.array(), 40);

        EnvelopeContext ctx = EnvelopeContext.onDemand("sintel", "7d5f6c97-b757-41a0-b45b-9d9bd647a7e1");
        try (EnvelopeOpener opener = new EnvelopeOpener(ctx, KC, CryptoProvider.getDefault())) {
            Envelope parsed = Envelope.parse(envelope.array());
            assertEquals(Compression.DEFLATE, parsed.compression());
            assertArrayEquals(plaintext, opener.open(parsed, EnvelopeType.CHUNK, index));
        }
    }

    private static byte[] range(int first, int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) (first + i);
        }
        return b;
    }
}
