package org.splitcast.separation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        byte[] key = new byte[32];
        for (int i = 1; i < key.length; i++) {
            key[i] = (byte) i;
        }
        key[0] = secretByte[0];
        Path secret = Files.write(dir.resolve(prefix + ".key"), key);
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

    /** The help says: 32 raw bytes or 64 hex digits. Anything else is refused before any output exists. */
    @Test
    void secretFilesOtherThanTheHelpSaysAreRefused() throws Exception {
        Path in = input("in.ts", clip());
        String hex64 = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("16 bytes", new byte[16]);
        bad.put("31 bytes", new byte[31]);
        bad.put("33 bytes", new byte[33]);
        bad.put("64 bytes", new byte[64]);
        bad.put("0 bytes", new byte[0]);
        bad.put("32 bytes (32 hex digits)", (hex64.substring(0, 32)).getBytes(StandardCharsets.US_ASCII)); // raw: ok
        bad.put("63 bytes (63 hex digits)", hex64.substring(1).getBytes(StandardCharsets.US_ASCII));
        bad.put("66 bytes (66 hex digits)", (hex64 + "00").getBytes(StandardCharsets.US_ASCII));
        bad.put("65 bytes", (hex64.substring(1) + "g\n").getBytes(StandardCharsets.US_ASCII));
        bad.put("more than 4096 bytes", new byte[1 << 20]);
        bad.remove("32 bytes (32 hex digits)"); // 32 bytes are 32 raw bytes, whatever they look like
        int n = 0;
        for (Map.Entry<String, byte[]> e : bad.entrySet()) {
            Path key = Files.write(dir.resolve("k" + n++), e.getValue());
            CliRunner.Result r = CliRunner.run(
                    "separate",
                    "--secret-file",
                    key.toString(),
                    in.toString(),
                    dir.resolve("main.ts").toString(),
                    dir.resolve("c.scci").toString());
            Set<String> expected = new TreeSet<>(files());
            assertEquals(2, r.exit(), e.getKey() + ": " + r);
            assertTrue(
                    r.err()
                            .contains("a secret file must hold exactly 32 raw bytes or 64 hex digits; it has "
                                    + e.getKey()),
                    e.getKey() + ": " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            assertEquals(expected, files());
            assertFalse(files().contains("main.ts") || files().contains("c.scci"), "no output: " + files());
        }
    }

    @Test
    void aSecretOf32RawBytesAndTheSameIn64HexDigitsSelectTheSameBytes() throws Exception {
        Path in = input("in.ts", clip());
        byte[] key = new byte[32];
        new Random(7).nextBytes(key);
        Path raw = Files.write(dir.resolve("raw.key"), key);
        Path hex = Files.writeString(
                dir.resolve("hex.key"), " " + HexFormat.of().formatHex(key).toUpperCase() + "\n");
        byte[][] mains = new byte[2][];
        int i = 0;
        for (Path k : List.of(raw, hex)) {
            Path main = dir.resolve("main" + i + ".ts");
            CliRunner.Result r = CliRunner.run(
                    "separate",
                    "--quiet",
                    "--secret-file",
                    k.toString(),
                    in.toString(),
                    main.toString(),
                    dir.resolve("c" + i + ".scci").toString());
            assertEquals(0, r.exit(), r.toString());
            mains[i++] = Files.readAllBytes(main);
        }
        assertArrayEquals(mains[0], mains[1], "the same secret, so the same selection");
        assertFalse(Arrays.equals(mains[0], Files.readAllBytes(in)), "and something was extracted");
    }

    /**
     * The two outputs are committed together: when the second cannot be renamed into place (here
     * COMPLEMENTARY names a folder that holds a file), the first, already renamed, is removed
     * again, so no main stream is left without its complementary information.
     */
    @Test
    void aMainStreamIsNeverLeftWithoutItsComplementaryInformation() throws Exception {
        Path in = input("in.ts", clip());
        Path folder = Files.createDirectories(dir.resolve("c.scci"));
        Files.writeString(folder.resolve("keep.txt"), "not to be replaced");
        CliRunner.Result r = CliRunner.run(
                "separate", "--quiet", in.toString(), dir.resolve("main.ts").toString(), folder.toString());
        assertCleanFailure(r, 4, "c.scci", "in.ts", "c.scci");
        assertEquals("not to be replaced", Files.readString(folder.resolve("keep.txt")));
        // the library call commits the same way
        IOException e = assertThrows(IOException.class, () -> new StreamSeparator(SeparationOptions.defaults())
                .separate(in, dir.resolve("main.ts"), folder));
        assertTrue(e.getMessage().contains("c.scci"), e.getMessage());
        assertEquals(Set.of("in.ts", "c.scci"), files());
    }

    /** A failed run leaves earlier files of the output names exactly as they were. */
    @Test
    void aFailedRunLeavesEarlierOutputsAsTheyWere() throws Exception {
        byte[] ts = clip();
        ts[1000 * 188] = 0x00; // sync lost half-way: output was being written
        Path broken = input("broken.ts", ts);
        Path main = Files.writeString(dir.resolve("main.ts"), "earlier main");
        Path comp = Files.writeString(dir.resolve("c.scci"), "earlier complementary");
        Path out = Files.writeString(dir.resolve("out.ts"), "earlier output");
        assertCleanFailure(separate(broken), 3, "sync lost", "broken.ts", "main.ts", "c.scci", "out.ts");
        assertEquals("earlier main", Files.readString(main));
        assertEquals("earlier complementary", Files.readString(comp));
        Path[] a = separated("a", new byte[] {1});
        byte[] tampered = Files.readAllBytes(a[1]);
        tampered[tampered.length - 100] ^= 1; // the last chunk: most of the output is written
        Files.write(a[1], tampered);
        assertCleanFailure(
                rebuild(a[0], a[1]),
                3,
                "corrupt or tampered",
                "broken.ts",
                "in.ts",
                "main.ts",
                "c.scci",
                "out.ts",
                "a.ts",
                "a.scci",
                "a.key");
        assertEquals("earlier output", Files.readString(out));
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
