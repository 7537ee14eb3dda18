package org.splitcast.protection.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/** Sizes, magic numbers and field encodings of the store file (docs/protected-complementary-format.md §7). */
final class StoreLayout {

    /** "SCPS" (splitcast complementary, protected store), then CR LF SUB LF. */
    static final byte[] FOOTER_MAGIC = {'S', 'C', 'P', 'S', '\r', '\n', 0x1A, '\n'};
    /** "SCPM": the metadata block. */
    static final byte[] METADATA_MAGIC = {'S', 'C', 'P', 'M'};

    static final int VERSION_MAJOR = 1;
    static final int VERSION_MINOR = 0;
    static final int FOOTER_BYTES = 64;
    static final int ENTRY_BYTES = 48;
    /** The metadata block's fixed fields (everything but the three strings' bytes). */
    static final int METADATA_FIXED_BYTES = 8 + 6 + 16 + 2 + 4 + 8 + 8 + 16 + 16 + 8 + 8 + 4;
    /** Generous bound on the metadata block (three ids of at most 1 KiB each). */
    static final int MAX_METADATA_BYTES = 8192;

    private StoreLayout() {}

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    static void putString(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b.putShort((short) bytes.length);
        b.put(bytes);
    }

    static int stringSize(String s) {
        return 2 + s.getBytes(StandardCharsets.UTF_8).length;
    }
}
