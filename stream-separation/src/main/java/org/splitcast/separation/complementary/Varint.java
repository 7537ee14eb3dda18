package org.splitcast.separation.complementary;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Unsigned LEB128 integers: seven bits per byte, least significant group first, the high bit
 * set on every byte but the last. Only the canonical (shortest) encoding of a value is accepted,
 * so that every container has exactly one byte representation.
 */
public final class Varint {

    /** A 64-bit value never needs more than ten bytes. */
    public static final int MAX_BYTES = 10;

    private Varint() {}

    /** Bytes needed for {@code value}, taken as unsigned. */
    public static int size(long value) {
        int n = 1;
        while ((value >>>= 7) != 0) {
            n++;
        }
        return n;
    }

    /** Appends {@code value} (non-negative) to {@code out}. */
    public static void write(ByteSink out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("varints here are never negative: " + value);
        }
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    /**
     * Reads one canonical varint of at most 63 bits.
     *
     * @param what the field's name, for the error message
     */
    public static long read(ByteBuffer in, String what) throws ComplementaryException {
        long value = 0;
        try {
            for (int i = 0; i < MAX_BYTES - 1; i++) {
                int b = in.get() & 0xFF;
                value |= (long) (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    if (b == 0 && i > 0) {
                        throw new ComplementaryException(
                                ComplementaryException.Kind.CORRUPT, "non-canonical varint for " + what);
                    }
                    return value;
                }
            }
        } catch (BufferUnderflowException e) {
            throw new ComplementaryException(ComplementaryException.Kind.CORRUPT, "record ends inside " + what);
        }
        throw new ComplementaryException(ComplementaryException.Kind.CORRUPT, "varint too long for " + what);
    }

    /** Reads a varint that must fit an {@code int} in {@code [min, max]}. */
    public static int readInt(ByteBuffer in, String what, int min, int max) throws ComplementaryException {
        long v = read(in, what);
        if (v < min || v > max) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.CORRUPT,
                    what + " " + v + " is out of range [" + min + ", " + max + "]");
        }
        return (int) v;
    }
}
