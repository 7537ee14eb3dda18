package org.splitcast.protection.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The metadata block of a store file (docs/protected-complementary-format.md §7.3): what the
 * envelopes are sealed for and where the header and trailer envelopes are. Public data only.
 */
record StoreMetadata(
        int envelopeVersion,
        String label,
        String contentId,
        String keyId,
        byte[] salt,
        int packetSize,
        long chunkDuration90k,
        long mainLength,
        long chunkCount,
        long headerOffset,
        int headerLength,
        int headerCrc,
        long trailerOffset,
        int trailerLength,
        int trailerCrc,
        long plaintextBytes,
        long envelopeBytes) {

    byte[] encode() {
        int size = StoreLayout.METADATA_FIXED_BYTES
                + StoreLayout.stringSize(label)
                + StoreLayout.stringSize(contentId)
                + StoreLayout.stringSize(keyId)
                - 6;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(StoreLayout.METADATA_MAGIC);
        b.putShort((short) size);
        b.put((byte) envelopeVersion);
        b.put((byte) 0);
        StoreLayout.putString(b, label);
        StoreLayout.putString(b, contentId);
        StoreLayout.putString(b, keyId);
        b.put(salt);
        b.putShort((short) packetSize);
        b.putInt((int) chunkDuration90k);
        b.putLong(mainLength);
        b.putLong(chunkCount);
        b.putLong(headerOffset).putInt(headerLength).putInt(headerCrc);
        b.putLong(trailerOffset).putInt(trailerLength).putInt(trailerCrc);
        b.putLong(plaintextBytes);
        b.putLong(envelopeBytes);
        b.putInt(StoreLayout.crc(b.array(), 0, size - 4));
        return b.array();
    }

    static StoreMetadata decode(byte[] block) throws ProtectedStoreException {
        if (block.length < StoreLayout.METADATA_FIXED_BYTES
                || !Arrays.equals(block, 0, 4, StoreLayout.METADATA_MAGIC, 0, 4)) {
            throw corrupt("the metadata block has no SCPM magic");
        }
        ByteBuffer b = ByteBuffer.wrap(block);
        if ((b.getShort(4) & 0xFFFF) != block.length) {
            throw corrupt("the metadata block's length field disagrees with the footer");
        }
        if (b.getInt(block.length - 4) != StoreLayout.crc(block, 0, block.length - 4)) {
            throw corrupt("the metadata block fails its checksum");
        }
        try {
            b.position(6);
            int envelopeVersion = b.get() & 0xFF;
            b.get();
            String label = string(b, "label");
            String contentId = string(b, "content id");
            String keyId = string(b, "key id");
            byte[] salt = new byte[16];
            b.get(salt);
            int packetSize = b.getShort() & 0xFFFF;
            long duration = b.getInt() & 0xFFFF_FFFFL;
            long mainLength = b.getLong();
            long chunkCount = b.getLong();
            long headerOffset = b.getLong();
            int headerLength = b.getInt();
            int headerCrc = b.getInt();
            long trailerOffset = b.getLong();
            int trailerLength = b.getInt();
            int trailerCrc = b.getInt();
            long plaintextBytes = b.getLong();
            long envelopeBytes = b.getLong();
            if (b.remaining() != 4) {
                throw corrupt("the metadata block has " + (b.remaining() - 4) + " unexpected bytes");
            }
            if (mainLength < 0
                    || chunkCount < 0
                    || headerOffset != 0
                    || headerLength <= 0
                    || trailerLength <= 0
                    || trailerOffset < headerLength
                    || envelopeBytes != trailerOffset + trailerLength) {
                throw corrupt("the metadata block's lengths and offsets are inconsistent");
            }
            return new StoreMetadata(
                    envelopeVersion,
                    label,
                    contentId,
                    keyId,
                    salt,
                    packetSize,
                    duration,
                    mainLength,
                    chunkCount,
                    headerOffset,
                    headerLength,
                    headerCrc,
                    trailerOffset,
                    trailerLength,
                    trailerCrc,
                    plaintextBytes,
                    envelopeBytes);
        } catch (BufferUnderflowException e) {
            throw corrupt("the metadata block ends inside its fields");
        }
    }

    private static String string(ByteBuffer b, String what) throws ProtectedStoreException {
        int length = b.getShort() & 0xFFFF;
        if (length == 0 || length > b.remaining()) {
            throw corrupt("the metadata block's " + what + " has an invalid length");
        }
        byte[] bytes = new byte[length];
        b.get(bytes);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw corrupt("the metadata block's " + what + " is not UTF-8");
        }
    }

    private static ProtectedStoreException corrupt(String message) {
        return new ProtectedStoreException(ProtectedStoreException.Kind.CORRUPT, message);
    }
}
