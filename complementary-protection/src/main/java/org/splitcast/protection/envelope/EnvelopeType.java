package org.splitcast.protection.envelope;

/**
 * What an envelope carries (docs/protected-complementary-format.md §2): the container's header,
 * one chunk record, or the trailer record. The type is part of the nonce and of the associated
 * data, so an envelope of one type never opens as another.
 */
public enum EnvelopeType {
    /** The complementary container's header (plaintext: the header bytes, starting "SCCI"). */
    HEADER(1),
    /** One chunk record (plaintext: the record, type byte 0x01 to CRC). Index: the chunk index. */
    CHUNK(2),
    /** The trailer record (plaintext: type byte 0x02 to CRC). Index: the chunk count. */
    TRAILER(3);

    private final int code;

    EnvelopeType(int code) {
        this.code = code;
    }

    /** The value of the envelope's type byte. */
    public int code() {
        return code;
    }

    /** The type of a type byte, or null if no type has that code. */
    public static EnvelopeType ofCode(int code) {
        for (EnvelopeType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    /** "header", "chunk 12" or "trailer", for messages. */
    public String describe(long index) {
        return switch (this) {
            case HEADER -> "the header";
            case CHUNK -> "chunk " + index;
            case TRAILER -> "the trailer";
        };
    }
}
