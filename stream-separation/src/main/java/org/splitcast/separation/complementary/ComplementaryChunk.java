package org.splitcast.separation.complementary;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One chunk of complementary information: everything needed to turn one byte range of the main
 * stream back into the original, on its own (docs/complementary-format.md §4).
 *
 * <p>A chunk is self-contained so that it can be sent, encrypted and applied alone, in step with
 * playback: it names its separation, its stream-time range (90 kHz ticks from the first clock
 * sample), its main-stream byte range with the SHA-256 of those main bytes (so that a chunk
 * applied to the wrong stream or to damaged bytes is refused), the CRC32C of the original bytes
 * the range becomes, and the extracted runs: positions delta-encoded, lengths from a small table,
 * then the original bytes.
 *
 * <p>Instances are immutable.
 */
public final class ComplementaryChunk {

    public static final int DIGEST_BYTES = 32;
    /** Largest main-stream range a chunk may cover (a reader buffers one range). */
    public static final int MAX_MAIN_LENGTH = 1 << 30;
    /** No range may end past this main-stream position (docs/complementary-format.md §5): positions never overflow. */
    static final long MAX_MAIN_END = 1L << 62;
    /** Run lengths a chunk can name in its table; selector 3 means an explicit length. */
    static final int LENGTH_TABLE = 3;

    static final int EXPLICIT_LENGTH = 3;

    private final byte[] separationId;
    private final long index;
    private final long startTime90k;
    private final long duration90k;
    private final long mainOffset;
    private final int mainLength;
    private final byte[] mainDigest;
    private final int originalCrc;
    private final long[] runOffsets;
    private final int[] runLengths;
    private final byte[] extracted;

    /**
     * @param runOffsets absolute main-stream offsets of the runs, ascending, runs not overlapping,
     *     all inside the chunk's range (the arrays are copied up to {@code runCount})
     * @param extracted the original bytes of the runs, run after run
     */
    public ComplementaryChunk(
            byte[] separationId,
            long index,
            long startTime90k,
            long duration90k,
            long mainOffset,
            int mainLength,
            byte[] mainDigest,
            int originalCrc,
            long[] runOffsets,
            int[] runLengths,
            int runCount,
            byte[] extracted,
            int extractedLength) {
        if (separationId.length != ComplementaryInfo.SEPARATION_ID_BYTES || mainDigest.length != DIGEST_BYTES) {
            throw new IllegalArgumentException("separation id or digest of the wrong size");
        }
        if (index < 0 || startTime90k < 0 || duration90k < 0 || mainOffset < 0) {
            throw new IllegalArgumentException("negative chunk field");
        }
        if (mainLength < 0 || mainLength > MAX_MAIN_LENGTH) {
            throw new IllegalArgumentException("chunk range of " + mainLength + " bytes");
        }
        this.separationId = separationId.clone();
        this.index = index;
        this.startTime90k = startTime90k;
        this.duration90k = duration90k;
        this.mainOffset = mainOffset;
        this.mainLength = mainLength;
        this.mainDigest = mainDigest.clone();
        this.originalCrc = originalCrc;
        this.runOffsets = Arrays.copyOf(runOffsets, runCount);
        this.runLengths = Arrays.copyOf(runLengths, runCount);
        this.extracted = Arrays.copyOf(extracted, extractedLength);
        String problem = checkRuns(this.runOffsets, this.runLengths, mainOffset, mainLength, extractedLength);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String checkRuns(long[] offsets, int[] lengths, long mainOffset, int mainLength, int dataLength) {
        long end = mainOffset;
        long total = 0;
        for (int i = 0; i < offsets.length; i++) {
            if (lengths[i] <= 0) {
                return "run " + i + " has length " + lengths[i];
            }
            if (offsets[i] < end) {
                return "run " + i + " overlaps or precedes the previous one";
            }
            end = offsets[i] + lengths[i];
            total += lengths[i];
        }
        if (end > mainOffset + mainLength) {
            return "runs go past the chunk's range";
        }
        if (total != dataLength) {
            return "runs cover " + total + " bytes, " + dataLength + " bytes given";
        }
        return null;
    }

    /** The chunk as a self-contained container record (type 0x01). */
    public byte[] encode() {
        ByteSink body = new ByteSink(64 + extracted.length + runOffsets.length * 3);
        body.write(separationId);
        Varint.write(body, index);
        Varint.write(body, startTime90k);
        Varint.write(body, duration90k);
        Varint.write(body, mainOffset);
        Varint.write(body, mainLength);
        body.write(mainDigest);
        body.writeInt(originalCrc);
        int[] table = commonRunLengths();
        Varint.write(body, table.length);
        for (int length : table) {
            Varint.write(body, length);
        }
        Varint.write(body, runOffsets.length);
        long previousEnd = mainOffset;
        for (int i = 0; i < runOffsets.length; i++) {
            long gap = runOffsets[i] - previousEnd;
            int selector = EXPLICIT_LENGTH;
            for (int k = 0; k < table.length; k++) {
                if (table[k] == runLengths[i]) {
                    selector = k;
                }
            }
            Varint.write(body, (gap << 2) | selector);
            if (selector == EXPLICIT_LENGTH) {
                Varint.write(body, runLengths[i]);
            }
            previousEnd = runOffsets[i] + runLengths[i];
        }
        body.write(extracted);
        return Records.frame(Records.TYPE_CHUNK, body);
    }

    /** Up to three run lengths, most frequent first: the table the runs' selectors refer to. */
    private int[] commonRunLengths() {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int len : runLengths) {
            counts.merge(len, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted((a, b) -> a.getValue().equals(b.getValue())
                        ? Integer.compare(a.getKey(), b.getKey())
                        : Integer.compare(b.getValue(), a.getValue()))
                .limit(LENGTH_TABLE)
                .mapToInt(java.util.Map.Entry::getKey)
                .toArray();
    }

    /**
     * Decodes a chunk record received on its own (for instance from a multicast group): checks
     * the record's CRC and every structural rule.
     */
    public static ComplementaryChunk decode(byte[] record) throws ComplementaryException {
        Records.Raw raw = Records.parse(record);
        if (raw.type() != Records.TYPE_CHUNK) {
            throw new ComplementaryException(
                    ComplementaryException.Kind.CORRUPT, "record type " + raw.type() + " is not a chunk");
        }
        return decodeBody(raw.body());
    }

    static ComplementaryChunk decodeBody(byte[] bodyBytes) throws ComplementaryException {
        ByteBuffer body = ByteBuffer.wrap(bodyBytes);
        if (body.remaining() < ComplementaryInfo.SEPARATION_ID_BYTES) {
            throw corrupt("chunk body too short");
        }
        byte[] id = new byte[ComplementaryInfo.SEPARATION_ID_BYTES];
        body.get(id);
        long index = Varint.read(body, "chunk index");
        long start = Varint.read(body, "start time");
        long duration = Varint.read(body, "duration");
        long mainOffset = Varint.read(body, "main offset");
        int mainLength = Varint.readInt(body, "main length", 0, MAX_MAIN_LENGTH);
        if (mainOffset > MAX_MAIN_END - mainLength) {
            throw corrupt("chunk " + index + ": main offset " + mainOffset + " is beyond any stream");
        }
        if (body.remaining() < DIGEST_BYTES + 4) {
            throw corrupt("chunk " + index + " ends inside its digests");
        }
        byte[] digest = new byte[DIGEST_BYTES];
        body.get(digest);
        int crc = body.getInt();
        int tableSize = Varint.readInt(body, "run length table size", 0, LENGTH_TABLE);
        int[] table = new int[tableSize];
        for (int k = 0; k < tableSize; k++) {
            table[k] = Varint.readInt(body, "run length", 1, MAX_MAIN_LENGTH);
        }
        int runCount = Varint.readInt(body, "run count", 0, body.remaining());
        long[] offsets = new long[runCount];
        int[] lengths = new int[runCount];
        long previousEnd = mainOffset;
        long total = 0;
        for (int i = 0; i < runCount; i++) {
            long v = Varint.read(body, "run position");
            long gap = v >>> 2;
            int selector = (int) (v & 3);
            if (gap > mainLength) {
                throw corrupt("chunk " + index + ": run " + i + " lies outside the chunk's range");
            }
            int length;
            if (selector == EXPLICIT_LENGTH) {
                length = Varint.readInt(body, "run length", 1, MAX_MAIN_LENGTH);
            } else if (selector < tableSize) {
                length = table[selector];
            } else {
                throw corrupt("chunk " + index + ": run " + i + " refers to run length " + selector + " of a table of "
                        + tableSize);
            }
            offsets[i] = previousEnd + gap;
            lengths[i] = length;
            previousEnd = offsets[i] + length;
            total += length;
            if (previousEnd > mainOffset + mainLength) {
                throw corrupt("chunk " + index + ": run " + i + " goes past the chunk's range");
            }
        }
        if (total != body.remaining()) {
            throw corrupt("chunk " + index + ": runs cover " + total + " bytes but " + body.remaining()
                    + " extracted bytes follow");
        }
        byte[] data = new byte[(int) total];
        body.get(data);
        return new ComplementaryChunk(
                id,
                index,
                start,
                duration,
                mainOffset,
                mainLength,
                digest,
                crc,
                offsets,
                lengths,
                runCount,
                data,
                data.length);
    }

    private static ComplementaryException corrupt(String message) {
        return new ComplementaryException(ComplementaryException.Kind.CORRUPT, message);
    }

    /**
     * Writes the original bytes over the main-stream bytes of this chunk's range, held in {@code
     * range} from {@code offset} ({@code range[offset]} is main-stream byte {@link #mainOffset()}).
     * No check: {@code StreamRebuilder.apply} is the checked way.
     */
    public void patch(byte[] range, int offset) {
        int data = 0;
        for (int i = 0; i < runOffsets.length; i++) {
            System.arraycopy(extracted, data, range, offset + (int) (runOffsets[i] - mainOffset), runLengths[i]);
            data += runLengths[i];
        }
    }

    /** Copies the main-stream bytes that {@link #patch} would overwrite (to undo it). */
    public byte[] saveOverwritten(byte[] range, int offset) {
        byte[] saved = new byte[extracted.length];
        int data = 0;
        for (int i = 0; i < runOffsets.length; i++) {
            System.arraycopy(range, offset + (int) (runOffsets[i] - mainOffset), saved, data, runLengths[i]);
            data += runLengths[i];
        }
        return saved;
    }

    /** Undoes {@link #patch} with the bytes {@link #saveOverwritten} returned. */
    public void unpatch(byte[] range, int offset, byte[] saved) {
        int data = 0;
        for (int i = 0; i < runOffsets.length; i++) {
            System.arraycopy(saved, data, range, offset + (int) (runOffsets[i] - mainOffset), runLengths[i]);
            data += runLengths[i];
        }
    }

    public byte[] separationId() {
        return separationId.clone();
    }

    public String separationIdHex() {
        return HexFormat.of().formatHex(separationId);
    }

    boolean belongsTo(ComplementaryInfo header) {
        return header.sameSeparation(separationId);
    }

    /** Position of the chunk in its container, from 0. */
    public long index() {
        return index;
    }

    /** Start of the chunk in stream time: 90 kHz ticks since the stream's first clock sample. */
    public long startTime90k() {
        return startTime90k;
    }

    public long duration90k() {
        return duration90k;
    }

    /** First main-stream byte the chunk covers. */
    public long mainOffset() {
        return mainOffset;
    }

    public int mainLength() {
        return mainLength;
    }

    public long mainEnd() {
        return mainOffset + mainLength;
    }

    /** SHA-256 of the main-stream bytes of the range. */
    public byte[] mainDigest() {
        return mainDigest.clone();
    }

    byte[] mainDigestRef() {
        return mainDigest;
    }

    /** CRC32C of the original bytes of the range. */
    public int originalCrc() {
        return originalCrc;
    }

    public int runCount() {
        return runOffsets.length;
    }

    public long runOffset(int i) {
        return runOffsets[i];
    }

    public int runLength(int i) {
        return runLengths[i];
    }

    /** Number of original bytes the chunk carries. */
    public int extractedBytes() {
        return extracted.length;
    }

    @Override
    public String toString() {
        return "ComplementaryChunk[" + index + ", main " + mainOffset + "+" + mainLength + ", t=" + startTime90k + "+"
                + duration90k + ", runs=" + runOffsets.length + ", bytes=" + extracted.length + "]";
    }
}
