package org.splitcast.separation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitcast.separation.SeparationOptions;
import org.splitcast.separation.StreamSeparator;
import org.splitcast.separation.complementary.ComplementaryWriter;
import org.splitcast.separation.io.AtomicFile;
import org.splitcast.separation.testing.CliRunner;
import org.splitcast.separation.testing.LoopingTsInputStream;
import org.splitcast.separation.testing.Media;
import org.splitcast.separation.testing.TsBuilder;

/**
 * Every bad input of the issue gives a clear one-line message, a documented non-zero exit code, no
 * stack trace, and leaves no file behind (outputs are written under a temporary name and renamed
 * at the end only).
 */
class BadInputTest {

    @TempDir
    Path dir;

    private Set<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private Path input(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** Checks a failed run: exit code, message, no stack trace, and only the inputs left. */
    private void assertCleanFailure(CliRunner.Result r, int exit, String message, String... inputsLeft)
            throws IOException {
        assertEquals(exit, r.exit(), r.toString());
        assertTrue(r.err().contains(message), "message '" + message + "' in: " + r.err());
        assertFalse(r.err().contains("Exception"), "no exception names: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(r.err().lines().count() <= 2, "a short message: " + r.err());
        assertEquals(new TreeSet<>(List.of(inputsLeft)), files(), "no output and no temporary file left");
    }

    private CliRunner.Result separate(Path in) {
        return CliRunner.run(
                "separate",
                in.toString(),
                dir.resolve("main.ts").toString(),
                dir.resolve("c.scci").toString());
    }

    private static byte[] clip() throws IOException {
        return Files.readAllBytes(Media.clip(Media.Clip.H264_AAC));
    }

    @Test
    void emptyInput() throws Exception {
        assertCleanFailure(separate(input("in.ts", new byte[0])), 3, "the input is empty", "in.ts");
    }

    @Test
    void inputThatIsNotATransportStream() throws Exception {
        byte[] text = "<html><body>not a video</body></html>\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
        assertCleanFailure(separate(input("in.ts", text)), 3, "not an MPEG transport stream", "in.ts");
        byte[] random = new byte[100_000];
        new Random(1).nextBytes(random);
        random[0] = 0x47; // one sync byte is not enough
        assertCleanFailure(separate(input("in.ts", random)), 3, "not an MPEG transport stream", "in.ts");
    }

    @Test
    void inputTruncatedInTheMiddleOfAPacket() throws Exception {
        byte[] ts = clip();
        byte[] cut = Arrays.copyOf(ts, ts.length - 100);
        assertCleanFailure(separate(input("in.ts", cut)), 3, "truncated", "in.ts");
    }

    @Test
    void inputTruncatedInTheMiddleOfAPacketOnStandardInput() throws Exception {
        byte[] ts = clip();
        byte[] cut = Arrays.copyOf(ts, ts.length - 100);
        CliRunner.Result r = CliRunner.run(
                new ByteArrayInputStream(cut),
                OutputStream.nullOutputStream(),
                "separate",
                "-",
                dir.resolve("main.ts").toString(),
                dir.resolve("c.scci").toString());
        assertCleanFailure(r, 3, "ends in the middle of a packet");
    }

    @Test
    void inputThatLosesSync() throws Exception {
        byte[] ts = clip();
        ts[1000 * 188] = 0x00;
        assertCleanFailure(separate(input("in.ts", ts)), 3, "sync lost at byte 188000 (packet 1000)", "in.ts");
    }

    @Test
    void inputWithAnAbsurdPmt() throws Exception {
        TsBuilder b = new TsBuilder(188, 1);
        b.pat(1, 0x1000);
        b.section(0x1000, TsBuilder.psiSection(0x02, 1, new byte[] {
            (byte) 0xE1, 0, (byte) 0xF0, 0, 0x1B, (byte) 0xE1, 0, (byte) 0xF3, (byte) 0x84
        }));
        b.nullPackets(10);
        assertCleanFailure(separate(input("in.ts", b.toByteArray())), 3, "invalid PMT of program 1", "in.ts");
    }

    @Test
    void inputWithOnlyStreamsOfUnknownTypes() throws Exception {
        TsBuilder b = new TsBuilder(188, 1);
        b.pat(1, 0x1000);
        b.pmt(0x1000, 1, 0x100, new TsBuilder.Es(0x86, 0x100), new TsBuilder.Es(0x90, 0x101));
        byte[] data = new byte[5000];
        b.pes(0x101, 0x90, 0xBD, data, 0, data.length, 0, true);
        CliRunner.Result r = separate(input("in.ts", b.toByteArray()));
        assertCleanFailure(r, 3, "no stream that can be protected", "in.ts");
        assertTrue(r.err().contains("SCTE-35") && r.err().contains("PGS"), r.err());
    }

    @Test
    void inputWithoutAnyProgram() throws Exception {
        TsBuilder b = new TsBuilder(188, 1);
        b.nullPackets(100);
        assertCleanFailure(separate(input("in.ts", b.toByteArray())), 3, "no PAT", "in.ts");
    }

    @Test
    void missingInputFile() throws Exception {
        assertCleanFailure(separate(dir.resolve("nowhere.ts")), 4, "no such file");
    }

    @Test
    void tenGigabytesOnAFullDisk() throws Exception {
        byte[] clip = clip();
        Path mount = dir.resolve("small-disk");
        Files.createDirectories(mount);
        boolean mounted = Media.run(List.of("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()), 30)
                        .exit()
                == 0;
        try {
            if (mounted) {
                // a real full disk: a 2 MB tmpfs, and 10 GB of stream arriving on standard input
                InputStream tenGigabytes = new LoopingTsInputStream(clip, 10L << 30);
                CliRunner.Result r = CliRunner.run(
                        tenGigabytes,
                        OutputStream.nullOutputStream(),
                        "separate",
                        "-",
                        mount.resolve("main.ts").toString(),
                        mount.resolve("c.scci").toString());
                assertEquals(4, r.exit(), r.toString());
                assertTrue(r.err().contains("No space left on device"), r.err());
                assertTrue(r.err().contains("main.ts") || r.err().contains("c.scci"), r.err());
                assertFalse(r.err().contains("\tat "), r.err());
                try (Stream<Path> left = Files.list(mount)) {
                    assertEquals(List.of(), left.toList(), "nothing left on the full disk");
                }
                System.out.println("full disk: a real 2 MB tmpfs filled by a 10 GB stream: "
                        + r.err().strip());
            } else {
                // not allowed to mount (not root): the same failure from a channel that refuses to grow
                System.out.println("full disk: cannot mount a tmpfs here; simulating ENOSPC on the output");
                Path target = dir.resolve("main.ts");
                AtomicFile file = AtomicFile.create(target);
                OutputStream full = new OutputStream() {
                    long written;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (written + len > (2 << 20)) {
                            throw new IOException("No space left on device");
                        }
                        file.stream().write(b, off, len);
                        written += len;
                    }
                };
                IOException e = assertThrows(IOException.class, () -> new StreamSeparator(SeparationOptions.defaults())
                        .separate(
                                new LoopingTsInputStream(clip, 10L << 30),
                                full,
                                ComplementaryWriter.toStream(OutputStream.nullOutputStream())));
                file.close();
                assertTrue(e.getMessage().contains("No space left"), e.getMessage());
                assertEquals(Set.of("small-disk"), files());
            }
        } finally {
            if (mounted) {
                Media.run(List.of("umount", mount.toString()), 30);
            }
        }
    }

    private Path[] separated(String prefix, byte[] secretByte) throws Exception {
        Path in = Files.exists(dir.resolve("in.ts")) ? dir.resolve("in.ts") : input("in.ts", clip());
        Path secret = Files.write(
                dir.resolve(prefix + ".key"),
                new byte[] {secretByte[0], 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
        Path main = dir.resolve(prefix + ".ts");
        Path comp = dir.resolve(prefix + ".scci");
        CliRunner.Result r = CliRunner.run(
                "separate",
                "--quiet",
                "--secret-file",
                secret.toString(),
                in.toString(),
                main.toString(),
                comp.toString());
        assertEquals(0, r.exit(), r.toString());
        return new Path[] {main, comp, secret};
    }

    private CliRunner.Result rebuild(Path main, Path comp) {
        return CliRunner.run(
                "rebuild",
                main.toString(),
                comp.toString(),
                dir.resolve("out.ts").toString());
    }

    private String[] names(Path... paths) {
        return Stream.concat(Stream.of("in.ts"), Arrays.stream(paths).map(p -> p.getFileName()
                        .toString()))
                .toArray(String[]::new);
    }

    @Test
    void complementaryInformationOfAnotherStream() throws Exception {
        Path[] a = separated("a", new byte[] {1});
        Path other = Files.write(dir.resolve("other.ts"), Files.readAllBytes(Media.clip(Media.Clip.HEVC_AC3)));
        Path otherMain = dir.resolve("om.ts");
        Path otherComp = dir.resolve("om.scci");
        assertEquals(
                0,
                CliRunner.run("separate", "--quiet", other.toString(), otherMain.toString(), otherComp.toString())
                        .exit());
        CliRunner.Result r = rebuild(a[0], otherComp);
        assertCleanFailure(r, 3, "another stream", names(a[0], a[1], a[2], other, otherMain, otherComp));
    }

    @Test
    void complementaryInformationOfAnotherSeparationOfTheSameStream() throws Exception {
        Path[] a = separated("a", new byte[] {1});
        Path[] b = separated("b", new byte[] {2});
        CliRunner.Result r = rebuild(a[0], b[1]);
        assertCleanFailure(r, 3, "does not match chunk 0", names(a[0], a[1], a[2], b[0], b[1], b[2]));
    }

    @Test
    void tamperedComplementaryInformation() throws Exception {
        Path[] a = separated("a", new byte[] {1});
        byte[] comp = Files.readAllBytes(a[1]);
        comp[comp.length / 2] ^= 0x20;
        Files.write(a[1], comp);
        assertCleanFailure(rebuild(a[0], a[1]), 3, "corrupt or tampered", names(a));
    }

    @Test
    void truncatedComplementaryInformation() throws Exception {
        Path[] a = separated("a", new byte[] {1});
        byte[] comp = Files.readAllBytes(a[1]);
        Files.write(a[1], Arrays.copyOf(comp, comp.length - 30));
        assertCleanFailure(rebuild(a[0], a[1]), 3, "truncated", names(a));
    }

    @Test
    void truncatedOrExtendedMainStream() throws Exception {
        Path[] a = separated("a", new byte[] {1});
        byte[] main = Files.readAllBytes(a[0]);
        Path shorter = Files.write(dir.resolve("short.ts"), Arrays.copyOf(main, main.length - 188));
        assertCleanFailure(rebuild(shorter, a[1]), 3, "truncated", names(a[0], a[1], a[2], shorter));
        // the same on standard input, where the length is not known in advance
        CliRunner.Result r = CliRunner.run(
                new ByteArrayInputStream(Arrays.copyOf(main, main.length - 188)),
                OutputStream.nullOutputStream(),
                "rebuild",
                "-",
                a[1].toString(),
                dir.resolve("out.ts").toString());
        assertCleanFailure(r, 3, "the main stream ends at byte", names(a[0], a[1], a[2], shorter));
        byte[] longer = Arrays.copyOf(main, main.length + 188);
        System.arraycopy(main, 0, longer, main.length, 188);
        r = CliRunner.run(
                new ByteArrayInputStream(longer),
                OutputStream.nullOutputStream(),
                "rebuild",
                "-",
                a[1].toString(),
                dir.resolve("out.ts").toString());
        assertCleanFailure(r, 3, "goes on after byte", names(a[0], a[1], a[2], shorter));
    }

    @Test
    void wrongCommandLines() throws Exception {
        assertCleanFailure(CliRunner.run(), 2, "missing command");
        assertCleanFailure(CliRunner.run("explode"), 2, "unknown command");
        assertCleanFailure(CliRunner.run("separate", "a.ts"), 2, "expected INPUT MAIN COMPLEMENTARY");
        assertCleanFailure(CliRunner.run("separate", "--share", "x", "a", "b", "c"), 2, "--share");
        assertCleanFailure(CliRunner.run("separate", "--share", "80", "a", "b", "c"), 2, "share must be in");
        assertCleanFailure(CliRunner.run("rebuild", "--share", "1", "a", "b", "c"), 2, "does not apply");
        assertCleanFailure(CliRunner.run("separate", "--bogus", "a", "b", "c"), 2, "unknown option --bogus");
        Path in = input("in.ts", clip());
        assertCleanFailure(
                CliRunner.run(
                        "separate",
                        in.toString(),
                        in.toString(),
                        dir.resolve("c").toString()),
                2,
                "the same file is given twice",
                "in.ts");
    }
}
