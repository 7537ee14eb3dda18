package org.splitcast.separation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.splitcast.separation.testing.Media;
import org.splitcast.separation.testing.MediaSafety;
import org.splitcast.separation.testing.TsLayout;

/**
 * The round-trip list on streams ffmpeg makes: H.264 + AAC, HEVC + AC-3, MPEG-2 + MP2, two
 * programs, and M2TS. Each is separated and rebuilt to the same SHA-256; the main stream keeps
 * what ffprobe sees and differs from the original only inside coded media data.
 */
class RoundTripTest {

    static final byte[] SECRET =
            HexFormat.of().parseHex("5b7c1e0d9a2f4c6b8e3d1a0f2c4e6a8b9d1f3e5c7a9b0d2f4e6c8a1b3d5f7e90");

    static Path work(String name) throws Exception {
        return Files.createDirectories(Media.WORK.resolve(name));
    }

    static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @ParameterizedTest
    @EnumSource(Media.Clip.class)
    void separatedStreamRebuildsToTheSameSha256(Media.Clip clip) throws Exception {
        Path original = Media.clip(clip);
        Path dir = work("roundtrip-" + clip.name().toLowerCase(Locale.ROOT));
        Path main = dir.resolve("main.ts");
        Path comp = dir.resolve("main.scci");
        Path rebuilt = dir.resolve("rebuilt.ts");

        SeparationReport report =
                new StreamSeparator(SeparationOptions.builder().secret(SECRET).build()).separate(original, main, comp);
        RebuildReport rebuild = new StreamRebuilder().rebuild(main, comp, rebuilt);

        assertEquals(sha256(original), sha256(rebuilt), "rebuilt stream differs from the original");
        assertEquals(Files.size(original), Files.size(main));
        assertArrayEquals(report.fingerprint(), rebuild.fingerprint());
        assertTrue(report.share() <= 0.02, "extracted share " + report.share());
        assertTrue(report.share() >= 0.005, "extracted share " + report.share());
        long framing = Files.size(comp) - report.extractedBytes();
        assertTrue(
                framing <= 0.25 * report.extractedBytes(),
                "framing " + framing + " bytes over " + report.extractedBytes() + " extracted bytes");
        for (StreamReport s : report.streams()) {
            assertTrue(s.isProtected(), s.codec() + " is protected");
            assertTrue(s.extractedBytes() > 0, s.codec() + " has extracted bytes");
            assertEquals(0, s.skippedUnits(), s.codec() + ": every slice or frame header is parsed");
            assertTrue(s.unitsHit() > 0, s.codec());
        }
        byte[] o = Files.readAllBytes(original);
        byte[] m = Files.readAllBytes(main);
        long differing =
                MediaSafety.check(o, m, TsLayout.read(o, report.packetSize()).streams());
        assertTrue(differing > report.extractedBytes() * 0.8, "replaced bytes: " + differing);
        assertEquals(Media.probe(original), Media.probe(main), "ffprobe sees the same programs and streams");
        System.out.printf(
                Locale.ROOT,
                "%s: %d bytes, extracted %.3f %%, %d chunks, framing %.1f %%%n",
                clip.label(),
                report.inputBytes(),
                100 * report.share(),
                report.chunks(),
                100.0 * framing / report.extractedBytes());
    }
}
