package org.splitcast.separation.complementary;

import java.util.Arrays;

/** A growable byte array with direct access, for building records without copies. */
public final class ByteSink {

    private byte[] bytes;
    private int size;

    public ByteSink(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    public void write(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, bytes, size, len);
        size += len;
    }

    public void write(byte[] src) {
        write(src, 0, src.length);
    }

    public void writeInt(int v) {
        ensure(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    public void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    public int size() {
        return size;
    }

    /** The backing array: valid from 0 to {@link #size()}. */
    public byte[] array() {
        return bytes;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    public void reset() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("record too large: " + wanted + " bytes");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
