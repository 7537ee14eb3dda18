package org.splitcast.separation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.splitcast.separation.complementary.ComplementaryReader;
import org.splitcast.separation.complementary.ComplementaryWriter;
import org.splitcast.separation.testing.EsSegments;
import org.splitcast.separation.testing.Media;
import org.splitcast.separation.testing.MediaSafety;
import org.splitcast.separation.testing.TsBuilder;

/**
 * Edge cases of the transport layer that ffmpeg's muxer never writes, on real elementary streams
 * re-muxed by {@link TsBuilder}: PES packets spanning hundreds of transport packets, adaptation
 * field stuffing down to one payload byte (PES headers split over packets), continuity errors,
 * discontinuity indicators with a PCR reset, duplicate packets, PCR wrap, M2TS, streams of unknown
 * type. Every case must rebuild byte for byte and touch nothing but coded media data.
 */
class SyntheticStreamTest {

    private static final int VIDEO = 0x100;
    private static final int AUDIO = 0x101;
    private static final int DATA = 0x102;

    private static byte[] es(Media.Clip clip, String map, String format, String name) throws Exception {
        return Files.readAllBytes(Media.elementaryStream(clip, map, format, name));
    }

    private record Result(byte[] original, byte[] main, SeparationReport report) {}

    private static Result separateAndRebuild(TsBuilder b, SeparationOptions options) throws Exception {
        byte[] original = b.toByteArray();
        ByteArrayOutputStream main = new ByteArrayOutputStream();
        ByteArrayOutputStream comp = new ByteArrayOutputStream();
        SeparationReport report = new StreamSeparator(options)
                .separate(new ByteArrayInputStream(original), main, ComplementaryWriter.toStream(comp));
        ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
        new StreamRebuilder()
                .rebuild(
                        new ByteArrayInputStream(main.toByteArray()),
                        new ByteArrayInputStream(comp.toByteArray()),
                        rebuilt);
        assertArrayEquals(original, rebuilt.toByteArray(), "rebuilt stream differs from the original");
        ComplementaryReader reader = new ComplementaryReader(new ByteArrayInputStream(comp.toByteArray()));
        long chunks = 0;
        while (reader.nextChunk() != null) {
            chunks++;
        }
        assertEquals(report.chunks(), chunks);
        return new Result(original, main.toByteArray(), report);
    }

    private static SeparationOptions options() {
        return SeparationOptions.builder().secret(RoundTripTest.SECRET).build();
    }

    /** Muxes video and audio ES in PES packets of the given sizes, interleaved. */
    private static void mux(
            TsBuilder b,
            byte[] video,
            int videoType,
            int videoPes,
            byte[] audio,
            int audioType,
            int audioPes,
            Random rng) {
        int v = 0;
        int a = 0;
        long pts = 900_000;
        while (v < video.length || a < audio.length) {
            if (v < video.length) {
                int n = Math.min(videoPes, video.length - v);
                b.pes(VIDEO, videoType, 0xE0, video, v, n, pts, false);
                v += n;
            }
            for (int k = 0; k < 3 && a < audio.length; k++) {
                int n = Math.min(audioPes, audio.length - a);
                b.pes(AUDIO, audioType, 0xC0, audio, a, n, pts, true);
                a += n;
            }
            if (rng.nextInt(4) == 0) {
                b.nullPackets(1 + rng.nextInt(3));
            }
            pts += 3600;
        }
    }

    private static void checkProtected(Result r, Map<Integer, EsSegments> segments) {
        long differing = MediaSafety.check(r.original(), r.main(), segments);
        assertTrue(differing > 0, "something was replaced");
        assertTrue(r.report().share() <= 0.015 + 1e-9, "share " + r.report().share());
        for (StreamReport s : r.report().streams()) {
            if (s.isProtected()) {
                assertTrue(s.unitsHit() > 0, s.codec() + " was hit");
            }
        }
    }

    @Test
    void pesSpanningManyPacketsAndHeavyAdaptationFieldStuffing() throws Exception {
        byte[] video = es(Media.Clip.H264_AAC, "0:v", "h264", "h264.264");
        byte[] audio = es(Media.Clip.H264_AAC, "0:a", "adts", "aac.adts");
        Random rng = new Random(11);
        TsBuilder b = new TsBuilder(188, 11);
        b.stuffingProbability = 0.5;
        b.maxStuffing = 183;
        b.pcrPid = VIDEO;
        b.pcrStep = 200;
        b.pat(1, 0x1000);
        b.pmt(
                0x1000,
                1,
                VIDEO,
                new TsBuilder.Es(0x1B, VIDEO),
                new TsBuilder.Es(0x0F, AUDIO),
                new TsBuilder.Es(0x06, DATA));
        byte[] data = new byte[3000];
        rng.nextBytes(data);
        b.pes(DATA, 0x06, 0xBD, data, 0, data.length, 0, true);
        // the whole video in three unbounded PES packets: each spans hundreds of transport packets
        mux(b, video, 0x1B, video.length / 3 + 1, audio, 0x0F, 1500, rng);
        b.pes(DATA, 0x06, 0xBD, data, 0, data.length, 0, true);
        Result r = separateAndRebuild(b, options());
        checkProtected(r, b.allSegments());
        StreamReport h264 = r.report().streams().get(0);
        assertEquals("H.264/AVC", h264.codec());
        assertEquals(0, h264.skippedUnits(), "slice headers split over packets are still parsed");
        assertEquals("320x240", h264.resolution());
        assertTrue(!r.report().streams().get(2).isProtected(), "private data passes through");
    }

    @Test
    void continuityErrorsDuplicatesAndDiscontinuitiesAreSurvived() throws Exception {
        byte[] video = es(Media.Clip.H264_AAC, "0:v", "h264", "h264.264");
        byte[] audio = es(Media.Clip.H264_AAC, "0:a", "adts", "aac.adts");
        Random rng = new Random(12);
        TsBuilder b = new TsBuilder(188, 12);
        b.stuffingProbability = 0.1;
        b.pcrPid = VIDEO;
        b.pat(1, 0x1000);
        b.pmt(0x1000, 1, VIDEO, new TsBuilder.Es(0x1B, VIDEO), new TsBuilder.Es(0x0F, AUDIO));
        int half = video.length / 2;
        int audioHalf = audio.length / 2;
        mux(
                b,
                java.util.Arrays.copyOf(video, half),
                0x1B,
                4000,
                java.util.Arrays.copyOf(audio, audioHalf),
                0x0F,
                800,
                rng);
        b.duplicateLast();
        b.skipContinuity(VIDEO);
        b.skipContinuity(AUDIO);
        b.discontinuity(VIDEO);
        b.pcr = 1000; // the clock restarts
        mux(
                b,
                java.util.Arrays.copyOfRange(video, half, video.length),
                0x1B,
                4000,
                java.util.Arrays.copyOfRange(audio, audioHalf, audio.length),
                0x0F,
                800,
                rng);
        Result r = separateAndRebuild(b, options());
        checkProtected(r, b.allSegments());
        String warnings = String.join("\n", r.report().warnings());
        assertTrue(warnings.contains("continuity counter errors"), warnings);
        assertTrue(warnings.contains("duplicate packets"), warnings);
        assertTrue(warnings.contains("clock discontinuities"), warnings);
    }

    @Test
    void everyCodecInOneStreamWithM2tsPacketsAndStuffing() throws Exception {
        byte[] hevc = es(Media.Clip.HEVC_AC3, "0:v", "hevc", "hevc.265");
        byte[] ac3 = es(Media.Clip.HEVC_AC3, "0:a", "ac3", "audio.ac3");
        byte[] mpeg2 = es(Media.Clip.MPEG2_MP2, "0:v", "mpeg2video", "video.m2v");
        byte[] mp2 = es(Media.Clip.MPEG2_MP2, "0:a", "mp2", "audio.mp2");
        Random rng = new Random(13);
        TsBuilder b = new TsBuilder(192, 13);
        b.stuffingProbability = 0.3;
        b.pcrPid = VIDEO;
        b.pat(1, 0x1000, 2, 0x1001);
        b.pmt(0x1000, 1, VIDEO, new TsBuilder.Es(0x24, VIDEO), new TsBuilder.Es(0x81, AUDIO));
        b.pmt(0x1001, 2, 0x200, new TsBuilder.Es(0x02, 0x200), new TsBuilder.Es(0x03, 0x201));
        int step = 5000;
        long pts = 0;
        int[] pos = new int[4];
        while (pos[0] < hevc.length || pos[1] < ac3.length || pos[2] < mpeg2.length || pos[3] < mp2.length) {
            pos[0] += chunk(b, VIDEO, 0x24, 0xE0, hevc, pos[0], step / 4, pts, false);
            pos[1] += chunk(b, AUDIO, 0x81, 0xBD, ac3, pos[1], 768, pts, true);
            pos[2] += chunk(b, 0x200, 0x02, 0xE0, mpeg2, pos[2], step * 4, pts, false);
            pos[3] += chunk(b, 0x201, 0x03, 0xC0, mp2, pos[3], 576, pts, true);
            if (rng.nextInt(5) == 0) {
                b.nullPackets(1);
            }
            pts += 3600;
        }
        Result r = separateAndRebuild(b, options());
        assertEquals(192, r.report().packetSize());
        checkProtected(r, b.allSegments());
        assertEquals(4, r.report().streams().size());
        for (StreamReport s : r.report().streams()) {
            assertTrue(s.isProtected() && s.extractedBytes() > 0, s.toString());
            assertEquals(0, s.skippedUnits(), s.toString());
        }
    }

    private static int chunk(
            TsBuilder b, int pid, int type, int sid, byte[] es, int pos, int size, long pts, boolean bounded) {
        if (pos >= es.length) {
            return 0;
        }
        int n = Math.min(size, es.length - pos);
        b.pes(pid, type, sid, es, pos, n, pts, bounded);
        return n;
    }

    @Test
    void pcrWrapKeepsChunksOnStreamTime() throws Exception {
        byte[] video = es(Media.Clip.H264_AAC, "0:v", "h264", "h264.264");
        byte[] audio = es(Media.Clip.H264_AAC, "0:a", "adts", "aac.adts");
        TsBuilder b = new TsBuilder(188, 14);
        b.pcrPid = VIDEO;
        b.pcrEvery = 1;
        b.pcr = (1L << 33) - 90_000 * 2; // wraps after two seconds
        b.pcrStep = 2_500; // 40 packets of video per 100 ms of stream time... plenty of stream time
        b.pat(1, 0x1000);
        b.pmt(0x1000, 1, VIDEO, new TsBuilder.Es(0x1B, VIDEO), new TsBuilder.Es(0x0F, AUDIO));
        mux(b, video, 0x1B, 6000, audio, 0x0F, 1000, new Random(14));
        Result r = separateAndRebuild(
                b, SeparationOptions.builder().secret(RoundTripTest.SECRET).build());
        double seconds = r.report().streamSeconds();
        assertTrue(seconds > 5, "stream time runs across the wrap: " + seconds);
        long expectedChunks = (long) Math.ceil(seconds / 2.0);
        assertTrue(
                Math.abs(r.report().chunks() - expectedChunks) <= 1,
                r.report().chunks() + " chunks for " + seconds + " s");
        assertTrue(r.report().warnings().stream().noneMatch(w -> w.contains("clock")), "no discontinuity at the wrap");
    }

    @Test
    void streamsOfUnknownTypesPassThroughUntouchedAndAreReported() throws Exception {
        byte[] video = es(Media.Clip.MPEG2_MP2, "0:v", "mpeg2video", "video.m2v");
        TsBuilder b = new TsBuilder(188, 15);
        b.pcrPid = VIDEO;
        b.pat(1, 0x1000);
        b.pmt(
                0x1000,
                1,
                VIDEO,
                new TsBuilder.Es(0x02, VIDEO),
                new TsBuilder.Es(0x87, AUDIO),
                new TsBuilder.Es(0x15, DATA));
        byte[] other = new byte[50_000];
        new Random(15).nextBytes(other);
        for (int v = 0, o = 0; v < video.length; v += 20_000, o = (o + 1000) % 40_000) {
            b.pes(VIDEO, 0x02, 0xE0, video, v, Math.min(20_000, video.length - v), v, false);
            b.pes(AUDIO, 0x87, 0xBD, other, o, 1000, v, true);
            b.pes(DATA, 0x15, 0xFC, other, o, 500, v, true);
        }
        Result r = separateAndRebuild(b, options());
        checkProtected(r, b.allSegments());
        StreamReport eac3 = r.report().streams().get(1);
        StreamReport metadata = r.report().streams().get(2);
        assertTrue(!eac3.isProtected() && eac3.codec().contains("E-AC-3"), eac3.toString());
        assertTrue(!metadata.isProtected() && metadata.codec().contains("0x15"), metadata.toString());
    }
}
