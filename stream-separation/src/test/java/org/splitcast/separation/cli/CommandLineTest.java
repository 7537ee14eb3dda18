package org.splitcast.separation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitcast.separation.testing.CliRunner;
import org.splitcast.separation.testing.Media;

class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void inspectShowsTheStreamsTheirShareAndTheChunkCount() throws Exception {
        Path ts = Media.clip(Media.Clip.TWO_PROGRAMS);
        CliRunner.Result r = CliRunner.run("inspect", ts.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("H.264/AVC") && r.out().contains("MPEG-1/2 video"), r.out());
        assertTrue(r.out().contains("AAC (ADTS)") && r.out().contains("MPEG audio"), r.out());
        assertEquals(4, r.out().lines().filter(l -> l.contains("protected")).count(), r.out());
        assertTrue(r.out().contains("in 3 chunks of 2.0 s"), r.out());
        assertTrue(r.out().matches("(?s).*extract \\d+ bytes = 1\\.\\d+ % of the file.*"), r.out());
    }

    @Test
    void separateRebuildAndInspectOfTheComplementaryInformation() throws Exception {
        Path ts = Media.clip(Media.Clip.H264_AAC);
        Path main = dir.resolve("main.ts");
        Path comp = dir.resolve("main.scci");
        Path out = dir.resolve("out.ts");
        CliRunner.Result s = CliRunner.run("separate", ts.toString(), main.toString(), comp.toString());
        assertEquals(0, s.exit(), s.toString());
        assertTrue(
                s.err().matches("(?s)separated .* MB/s\\): extracted \\d+ bytes = .*% of the file, 3 chunks.*"),
                s.err());
        CliRunner.Result r = CliRunner.run("rebuild", main.toString(), comp.toString(), out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("fingerprint verified"), r.err());
        assertArrayEquals(Files.readAllBytes(ts), Files.readAllBytes(out));
        CliRunner.Result i = CliRunner.run("inspect", comp.toString());
        assertEquals(0, i.exit(), i.toString());
        assertTrue(i.out().contains("chunks: 3") && i.out().contains("all checksums verified"), i.out());
    }

    @Test
    void standardInputAndOutputWork() throws Exception {
        byte[] ts = Files.readAllBytes(Media.clip(Media.Clip.H264_AAC));
        ByteArrayOutputStream main = new ByteArrayOutputStream();
        Path comp = dir.resolve("c.scci");
        CliRunner.Result s =
                CliRunner.run(new ByteArrayInputStream(ts), main, "separate", "--quiet", "-", "-", comp.toString());
        assertEquals(0, s.exit(), s.toString());
        assertEquals(ts.length, main.size());
        ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
        CliRunner.Result r = CliRunner.run(
                new ByteArrayInputStream(main.toByteArray()), rebuilt, "rebuild", "--quiet", "-", comp.toString(), "-");
        assertEquals(0, r.exit(), r.toString());
        assertArrayEquals(ts, rebuilt.toByteArray());
    }

    @Test
    void chunkRangeRebuildsThoseChunksOnly() throws Exception {
        Path ts = Media.clip(Media.Clip.H264_AAC);
        Path main = dir.resolve("main.ts");
        Path comp = dir.resolve("main.scci");
        assertEquals(
                0,
                CliRunner.run(
                                "separate",
                                "--quiet",
                                "--chunk-seconds",
                                "1",
                                ts.toString(),
                                main.toString(),
                                comp.toString())
                        .exit());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int k = 0; k < 5; k++) {
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            CliRunner.Result r = CliRunner.run(
                    new ByteArrayInputStream(new byte[0]),
                    one,
                    "rebuild",
                    "--quiet",
                    "--chunks",
                    k + ".." + k,
                    main.toString(),
                    comp.toString(),
                    "-");
            assertEquals(0, r.exit(), r.toString());
            all.writeBytes(one.toByteArray());
        }
        byte[] original = Files.readAllBytes(ts);
        assertArrayEquals(Arrays.copyOf(original, all.size()), all.toByteArray(), "chunks 0..4 in a row");
    }

    @Test
    void progressIsReportedWhenAsked() throws Exception {
        Path ts = Media.clip(Media.Clip.MPEG2_MP2);
        CliRunner.Result r = CliRunner.run(
                "separate",
                "--progress",
                ts.toString(),
                dir.resolve("m.ts").toString(),
                dir.resolve("c").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("MB/s"), r.err());
    }

    @Test
    void helpAndVersion() {
        CliRunner.Result h = CliRunner.run("--help");
        assertEquals(0, h.exit());
        assertTrue(h.out().contains("Exit codes: 0 success; 2 usage error; 3 bad input"), h.out());
        CliRunner.Result v = CliRunner.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().contains("complementary format 1.0"), v.out());
    }
}
