package org.splitcast.multicast.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Big-endian reader of the binary messages of docs/live.md. Every read is bounds-checked and
 * names the field it reads, so a malformed message fails with {@link MalformedMessageException}
 * saying which field, never with an index error.
 */
public final class WireReader {

    private final byte[] buf;
    private final int end;
    private int pos;

    public WireReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public WireReader(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buf.length) {
            throw new IllegalArgumentException("bad slice");
        }
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    private void need(int n, String field) throws MalformedMessageException {
        if (n < 0 || end - pos < n) {
            throw new MalformedMessageException("truncated at '" + field + "'");
        }
    }

    public int u8(String field) throws MalformedMessageException {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    public int u16(String field) throws MalformedMessageException {
        need(2, field);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public long u32(String field) throws MalformedMessageException {
        need(4, field);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    public long u64(String field) throws MalformedMessageException {
        need(8, field);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    public byte[] bytes(int n, String field) throws MalformedMessageException {
        need(n, field);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    public byte[] shortBytes(String field) throws MalformedMessageException {
        return bytes(u16(field + " length"), field);
    }

    /** u32 length (at most {@code max}), then the bytes. */
    public byte[] longBytes(String field, int max) throws MalformedMessageException {
        long n = u32(field + " length");
        if (n > max) {
            throw new MalformedMessageException("'" + field + "' of " + n + " bytes exceeds " + max);
        }
        return bytes((int) n, field);
    }

    /** u16 length then strict UTF-8. */
    public String string(String field) throws MalformedMessageException {
        byte[] raw = shortBytes(field);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException("'" + field + "' is not UTF-8");
        }
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    /** The rest of the input. */
    public byte[] rest() {
        byte[] out = Arrays.copyOfRange(buf, pos, end);
        pos = end;
        return out;
    }

    public void expectEnd(String what) throws MalformedMessageException {
        if (pos != end) {
            throw new MalformedMessageException((end - pos) + " unexpected bytes after " + what);
        }
    }
}
