package org.splitcast.protection.wire;

import java.util.Objects;

/**
 * The {@code chunks} parameter of {@code GET /api/contents/{id}/complementary}
 * (docs/protected-complementary-format.md §8.2): {@code header}, {@code trailer}, one chunk
 * {@code N}, or a range {@code FIRST..LAST} (inclusive; decimal, no sign). Parsed the same way by
 * server and client.
 */
public sealed interface ChunkSelection {

    /** At most this many digits in a chunk number (keeps every value far below 2^63). */
    int MAX_DIGITS = 18;

    /** The header envelope. */
    record Header() implements ChunkSelection {
        @Override
        public String toString() {
            return "header";
        }
    }

    /** The trailer envelope. */
    record Trailer() implements ChunkSelection {
        @Override
        public String toString() {
            return "trailer";
        }
    }

    /** Chunk envelopes {@code first..last}, inclusive. */
    record Range(long first, long last) implements ChunkSelection {
        public Range {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("invalid chunk range " + first + ".." + last);
            }
        }

        /**
         * The range a server serves for a content of {@code chunkCount} chunks: {@code last} clipped
         * to the last chunk and to {@code maxChunks} chunks from {@code first}.
         *
         * @throws IllegalArgumentException if {@code first} is not a chunk of the content (the
         *     server answers 400 validation)
         */
        public Range clip(long chunkCount, long maxChunks) {
            if (first >= chunkCount) {
                throw new IllegalArgumentException("chunk " + first + " does not exist: the content has " + chunkCount
                        + " chunks (0.." + (chunkCount - 1) + ")");
            }
            if (maxChunks < 1) {
                throw new IllegalArgumentException("maxChunks must be at least 1");
            }
            long end = Math.min(last, chunkCount - 1);
            if (end - first >= maxChunks) {
                end = first + maxChunks - 1; // no overflow: first + maxChunks - 1 < end here
            }
            return new Range(first, end);
        }

        public long count() {
            return last - first + 1;
        }

        @Override
        public String toString() {
            return first + ".." + last;
        }
    }

    ChunkSelection HEADER = new Header();
    ChunkSelection TRAILER = new Trailer();

    static Range range(long first, long last) {
        return new Range(first, last);
    }

    /**
     * Parses the parameter.
     *
     * @throws IllegalArgumentException with a message fit for a 400 problem's detail
     */
    static ChunkSelection parse(String value) {
        Objects.requireNonNull(value, "value");
        if (value.equals("header")) {
            return HEADER;
        }
        if (value.equals("trailer")) {
            return TRAILER;
        }
        int dots = value.indexOf("..");
        try {
            if (dots < 0) {
                long n = number(value);
                return new Range(n, n);
            }
            long first = number(value.substring(0, dots));
            long last = number(value.substring(dots + 2));
            if (last < first) {
                throw new IllegalArgumentException("chunks=" + value + ": LAST is before FIRST");
            }
            return new Range(first, last);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "chunks must be 'header', 'trailer', N or FIRST..LAST (decimal chunk numbers), not '"
                            + shorten(value) + "'");
        }
    }

    private static long number(String digits) {
        if (digits.isEmpty() || digits.length() > MAX_DIGITS) {
            throw new NumberFormatException();
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
        }
        return Long.parseLong(digits);
    }

    private static String shorten(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }
}
