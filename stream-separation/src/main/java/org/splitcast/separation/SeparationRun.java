package org.splitcast.separation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.splitcast.separation.codec.Ac3Handler;
import org.splitcast.separation.codec.AdtsHandler;
import org.splitcast.separation.codec.EsHandler;
import org.splitcast.separation.codec.H264Handler;
import org.splitcast.separation.codec.HevcHandler;
import org.splitcast.separation.codec.Mpeg2VideoHandler;
import org.splitcast.separation.codec.MpegAudioHandler;
import org.splitcast.separation.complementary.ByteSink;
import org.splitcast.separation.complementary.ComplementaryInfo;
import org.splitcast.separation.complementary.ComplementarySink;
import org.splitcast.separation.complementary.ComplementaryTrailer;
import org.splitcast.separation.selection.ByteAlphabet;
import org.splitcast.separation.selection.RunRecorder;
import org.splitcast.separation.selection.SelectionPrf;
import org.splitcast.separation.selection.SelectionProfile;
import org.splitcast.separation.selection.ShareBudget;
import org.splitcast.separation.selection.UnitSelector;
import org.splitcast.separation.ts.Codec;
import org.splitcast.separation.ts.ElementaryStream;
import org.splitcast.separation.ts.ElementaryStreamConsumer;
import org.splitcast.separation.ts.PacketFormat;
import org.splitcast.separation.ts.ProgramMap;
import org.splitcast.separation.ts.StreamFormatException;
import org.splitcast.separation.ts.TsDemultiplexer;

/**
 * One separation, start to end, in constant memory: the input is read in blocks of whole packets;
 * each block is demultiplexed and modified in place, hashed (main stream SHA-256 and original
 * CRC32C, chunk by chunk) and written out before the next is read. Chunks are cut at the first
 * packet whose clock sample reaches the next multiple of the chunk duration.
 */
final class SeparationRun implements TsDemultiplexer.PacketListener, TsDemultiplexer.ConsumerFactory, RunRecorder {

    /** A multiple of both packet sizes (188 × 3072 = 192 × 3008): about 564 KiB. */
    static final int BLOCK = 188 * 192 * 16;
    /** Enough for eight packets of either size: what packet size detection looks at. */
    static final int DETECT_BYTES = 192 * 8;

    private final SeparationOptions options;
    private final InputStream in;
    private final OutputStream mainOut;
    private final ComplementarySink sink;
    private final long expectedLength;

    private PacketFormat format;
    private int packetSize;
    /**
     * One budget per protected elementary stream, fed by the stream's own packets: every stream
     * gives up the same share of its bytes and none starves another; packets of no protected
     * stream (PSI, null packets, streams passed through) are shared out in turn.
     */
    private final ShareBudget[] budgetByPid = new ShareBudget[8192];

    private ShareBudget[] shared = new ShareBudget[0];
    private int nextShared;
    private SelectionPrf prf;
    private byte[] separationId;
    private final StreamClock clock = new StreamClock();
    private final List<Tracked> tracked = new ArrayList<>();
    private TsDemultiplexer demux;

    private ChunkFinisher finisher;
    private long streamOffset;
    private byte[] carry;
    private int carryLength;
    private boolean eof;
    private long inputOffset;

    // the chunk being built
    private long chunkIndex;
    private long chunkStart;
    private long chunkStartTime;
    private long nextBoundary;
    private long[] runOffsets = new long[256];
    private int[] runLengths = new int[256];
    private int runCount;
    private final ByteSink runData = new ByteSink(1 << 16);
    private final List<ChunkFinisher.PendingChunk> closed = new ArrayList<>();
    private long extracted;

    private record Tracked(ElementaryStream stream, EsHandler handler) {}

    SeparationRun(
            SeparationOptions options,
            InputStream in,
            OutputStream mainOut,
            ComplementarySink sink,
            long expectedLength) {
        this.options = options;
        this.in = in;
        this.mainOut = mainOut;
        this.sink = sink;
        this.expectedLength = expectedLength;
    }

    SeparationReport run() throws StreamFormatException, IOException {
        byte[] first = new byte[BLOCK];
        int n = in.readNBytes(first, 0, DETECT_BYTES);
        format = PacketFormat.detect(first, n);
        packetSize = format.size();
        if (expectedLength >= 0 && expectedLength % packetSize != 0) {
            throw truncated(expectedLength);
        }
        carry = Arrays.copyOf(first, n);
        carryLength = n;
        List<byte[]> probed = new ArrayList<>();
        List<Integer> probedLengths = new ArrayList<>();
        ProgramMap map = probe(first, probed, probedLengths);

        prf = new SelectionPrf(options.secret());
        separationId = options.separationIdOrRandom();
        nextBoundary = options.chunkDuration90k();
        demux = new TsDemultiplexer(format, map, this, this);
        if (tracked.stream().noneMatch(t -> t.handler() != null)) {
            throw nothingToProtect(map);
        }
        sink.begin(new ComplementaryInfo(packetSize, separationId, options.chunkDuration90k()));
        finisher = new ChunkFinisher(separationId, mainOut, sink, options.executor(), BLOCK);
        try {
            for (int i = 0; i < probed.size(); i++) {
                processBlock(probed.get(i), probedLengths.get(i));
            }
            probed.clear();
            while (!eof) {
                byte[] buffer = finisher.buffer();
                int len = fill(buffer, 0);
                if (len > 0) {
                    processBlock(buffer, len);
                }
            }
            return finish(map);
        } catch (IOException | StreamFormatException | RuntimeException | Error e) {
            finisher.abort();
            throw e;
        }
    }

    /**
     * Reads whole packets into {@code b} from {@code from}: waits for at least one packet (or the
     * end of input), then takes only what is already available, so that a live input is processed
     * as it arrives while a file is read a full block at a time. A partial packet is kept for the
     * next call; at the end of input, one means the input is truncated.
     *
     * @return the bytes of whole packets placed in {@code b}; 0 at the end of input
     */
    private int fill(byte[] b, int from) throws IOException, StreamFormatException {
        int filled = from;
        if (carryLength > 0) {
            int n = Math.min(carryLength, b.length - from);
            System.arraycopy(carry, 0, b, from, n);
            System.arraycopy(carry, n, carry, 0, carryLength - n);
            carryLength -= n;
            filled += n;
        }
        while (filled < b.length && !eof) {
            if (filled - from >= packetSize && in.available() <= 0) {
                break;
            }
            int r = in.read(b, filled, b.length - filled);
            if (r < 0) {
                eof = true;
            } else {
                filled += r;
            }
        }
        int got = filled - from;
        int whole = got - got % packetSize;
        if (whole < got) {
            if (eof) {
                throw truncated(inputOffset + got);
            }
            if (carry.length < carryLength + got - whole) {
                carry = Arrays.copyOf(carry, carryLength + got - whole + packetSize);
            }
            System.arraycopy(carry, 0, carry, got - whole, carryLength);
            System.arraycopy(b, from + whole, carry, 0, got - whole);
            carryLength += got - whole;
        }
        inputOffset += whole;
        return whole;
    }

    private ProgramMap probe(byte[] first, List<byte[]> probed, List<Integer> lengths)
            throws StreamFormatException, IOException {
        ProgramMap map = new ProgramMap();
        TsDemultiplexer reader = new TsDemultiplexer(format, map, null, null);
        byte[] b = first;
        int used = 0;
        long offset = 0;
        while (!eof && !map.complete() && offset < options.probeBytes()) {
            if (used == b.length) {
                probed.add(b);
                lengths.add(used);
                b = new byte[BLOCK];
                used = 0;
            }
            int len = fill(b, used);
            reader.process(b, used, len, offset);
            used += len;
            offset += len;
        }
        if (used > 0) {
            probed.add(b);
            lengths.add(used);
        }
        if (!map.patSeen()) {
            throw new StreamFormatException(
                    StreamFormatException.Problem.NO_PROGRAM,
                    "no PAT (program association table) in the first " + offset
                            + " bytes: the transport stream declares no program");
        }
        if (map.streams().isEmpty()) {
            throw new StreamFormatException(
                    StreamFormatException.Problem.NO_PROGRAM,
                    "no PMT (program map table) in the first " + offset + " bytes for program(s) "
                            + map.programsWithoutPmt());
        }
        return map;
    }

    private StreamFormatException truncated(long length) {
        long whole = length - length % packetSize;
        return new StreamFormatException(
                StreamFormatException.Problem.TRUNCATED_PACKET,
                "the input is truncated: it ends in the middle of a packet (the last packet, at byte " + whole
                        + ", has only " + (length - whole) + " of " + packetSize + " bytes)");
    }

    private static StreamFormatException nothingToProtect(ProgramMap map) {
        StringBuilder types = new StringBuilder();
        for (ElementaryStream es : map.streams()) {
            types.append(types.length() == 0 ? "" : ", ")
                    .append(String.format("PID 0x%04X: %s", es.pid(), es.description()));
        }
        return new StreamFormatException(
                StreamFormatException.Problem.NOTHING_TO_PROTECT,
                "no stream that can be protected (H.264, HEVC, MPEG-1/2 video, AAC ADTS, AC-3, MPEG audio): " + types);
    }

    @Override
    public ElementaryStreamConsumer consumerFor(ElementaryStream es) {
        ShareBudget budget = new ShareBudget(options.share());
        EsHandler handler = createHandler(es.codec(), budget);
        tracked.add(new Tracked(es, handler));
        if (handler != null) {
            budgetByPid[es.pid()] = budget;
            shared = Arrays.copyOf(shared, shared.length + 1);
            shared[shared.length - 1] = budget;
        }
        return handler;
    }

    private EsHandler createHandler(Codec codec, ShareBudget budget) {
        switch (codec) {
            case H264:
                return new H264Handler(selector(
                        SelectionProfile.nalVideo(options.videoRun(), options.share()),
                        ByteAlphabet.START_CODE_PAYLOAD,
                        budget));
            case HEVC:
                return new HevcHandler(selector(
                        SelectionProfile.nalVideo(options.videoRun(), options.share()),
                        ByteAlphabet.START_CODE_PAYLOAD,
                        budget));
            case MPEG2_VIDEO:
                return new Mpeg2VideoHandler(selector(
                        SelectionProfile.mpegVideo(options.mpeg2Run(), options.share()),
                        ByteAlphabet.START_CODE_PAYLOAD,
                        budget));
            case AAC_ADTS:
                return new AdtsHandler(
                        selector(SelectionProfile.audio(options.audioRun()), ByteAlphabet.AUDIO_PAYLOAD, budget));
            case AC3:
                return new Ac3Handler(
                        selector(SelectionProfile.audio(options.audioRun()), ByteAlphabet.AUDIO_PAYLOAD, budget));
            case MPEG_AUDIO:
                return new MpegAudioHandler(
                        selector(SelectionProfile.audio(options.audioRun()), ByteAlphabet.AUDIO_PAYLOAD, budget));
            default:
                return null;
        }
    }

    private UnitSelector selector(SelectionProfile profile, ByteAlphabet alphabet, ShareBudget budget) {
        return new UnitSelector(profile, prf, budget, this, alphabet);
    }

    private void processBlock(byte[] b, int len) throws StreamFormatException, IOException {
        if (len % packetSize != 0) {
            throw truncated(streamOffset + len);
        }
        byte[] original = finisher.buffer();
        System.arraycopy(b, 0, original, 0, len);
        demux.process(b, 0, len, streamOffset);
        finisher.submit(b, original, len, streamOffset, closed);
        closed.clear();
        streamOffset += len;
        if (options.progress() != null) {
            options.progress().accept(streamOffset);
        }
    }

    @Override
    public void packet(int pid, long offset, long clockSample, boolean discontinuity) {
        ShareBudget budget = budgetByPid[pid];
        if (budget == null && shared.length > 0) {
            // PSI, null packets, streams passed through: shared out among the protected streams
            budget = shared[nextShared++ % shared.length];
        }
        if (budget != null) {
            budget.accrue(packetSize);
        }
        if (clockSample >= 0) {
            clock.sample(clockSample, discontinuity);
        }
        if (offset == chunkStart) {
            return;
        }
        if (offset - chunkStart + packetSize > options.maxChunkBytes()
                || (clockSample >= 0 && clock.now() >= nextBoundary)) {
            closeChunk(offset);
        }
    }

    private void closeChunk(long end) {
        long now = clock.now();
        closed.add(new ChunkFinisher.PendingChunk(
                chunkIndex,
                chunkStartTime,
                Math.max(0, now - chunkStartTime),
                chunkStart,
                (int) (end - chunkStart),
                Arrays.copyOf(runOffsets, runCount),
                Arrays.copyOf(runLengths, runCount),
                runCount,
                runData.toByteArray()));
        runCount = 0;
        runData.reset();
        chunkIndex++;
        chunkStart = end;
        chunkStartTime = now;
        long d = options.chunkDuration90k();
        nextBoundary = (now / d + 1) * d;
    }

    @Override
    public void record(long mainOffset, byte[] buf, int off, int len) {
        if (runCount > 0 && runOffsets[runCount - 1] + runLengths[runCount - 1] == mainOffset) {
            runLengths[runCount - 1] += len;
        } else {
            if (runCount == runOffsets.length) {
                runOffsets = Arrays.copyOf(runOffsets, runCount * 2);
                runLengths = Arrays.copyOf(runLengths, runCount * 2);
            }
            runOffsets[runCount] = mainOffset;
            runLengths[runCount] = len;
            runCount++;
        }
        runData.write(buf, off, len);
        extracted += len;
    }

    private SeparationReport finish(ProgramMap map) throws IOException {
        for (Tracked t : tracked) {
            if (t.handler() != null) {
                t.handler().finish();
            }
        }
        if (streamOffset > chunkStart || chunkIndex == 0) {
            closeChunk(streamOffset);
        }
        finisher.submit(null, null, 0, streamOffset, closed);
        closed.clear();
        byte[] fp = finisher.finish();
        List<StreamReport> streams = new ArrayList<>();
        List<ComplementaryTrailer.StreamEntry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>(demux.counters().warnings());
        for (Tracked t : tracked) {
            ElementaryStream es = t.stream();
            EsHandler h = t.handler();
            StreamReport report = h == null
                    ? new StreamReport(
                            es.programNumber(),
                            es.pid(),
                            es.streamType(),
                            es.description(),
                            false,
                            null,
                            0,
                            0,
                            0,
                            0,
                            0,
                            0)
                    : new StreamReport(
                            es.programNumber(),
                            es.pid(),
                            es.streamType(),
                            es.codec().displayName(),
                            true,
                            h.resolution(),
                            h.esBytes(),
                            h.selector().extractedBytes(),
                            h.selector().units() + h.skippedUnits(),
                            h.selector().unitsHit(),
                            h.skippedUnits(),
                            h.resyncs());
            streams.add(report);
            entries.add(new ComplementaryTrailer.StreamEntry(
                    es.programNumber(),
                    es.pid(),
                    es.streamType(),
                    report.isProtected(),
                    report.esBytes(),
                    report.extractedBytes()));
            if (report.skippedUnits() > 0) {
                warnings.add(String.format(
                        "PID 0x%04X: %d of %d coded units left untouched (header not parsed)",
                        es.pid(), report.skippedUnits(), report.units()));
            }
        }
        if (!map.programsWithoutPmt().isEmpty()) {
            warnings.add("programs without a PMT (passed through): " + map.programsWithoutPmt());
        }
        if (clock.discontinuities() > 0) {
            warnings.add(clock.discontinuities() + " clock discontinuities (stream time continued across them)");
        }
        ComplementaryInfo header = new ComplementaryInfo(packetSize, separationId, options.chunkDuration90k())
                .withFingerprint(streamOffset, fp);
        sink.end(header, new ComplementaryTrailer(separationId, chunkIndex, streamOffset, fp, extracted, entries));
        return new SeparationReport(
                packetSize,
                streamOffset,
                extracted,
                chunkIndex,
                clock.now() / 90_000.0,
                separationId,
                fp,
                streams,
                warnings);
    }
}
