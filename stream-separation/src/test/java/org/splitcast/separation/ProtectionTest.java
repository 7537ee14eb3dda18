package org.splitcast.separation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.splitcast.separation.testing.Media;
import org.splitcast.testing.media.CommandResult;
import org.splitcast.testing.media.VideoQuality;

/**
 * Protection measured with a real decoder: ffmpeg decodes the main stream (it logs errors but
 * must decode it) and its video PSNR against the decoded original is at most 12 dB on average,
 * while at most 2 % of the file is extracted. The figures go to {@code
 * target/test-work/protection.txt}.
 */
class ProtectionTest {

    @ParameterizedTest
    @EnumSource(
            value = Media.Clip.class,
            names = {"H264_AAC", "HEVC_AC3", "MPEG2_MP2"})
    void mainStreamVideoIsUnwatchable(Media.Clip clip) throws Exception {
        Path original = Media.clip(clip);
        Path dir = RoundTripTest.work("protection-" + clip.name().toLowerCase(Locale.ROOT));
        Path main = dir.resolve("main.ts");
        SeparationReport report = new StreamSeparator(
                        SeparationOptions.builder().secret(RoundTripTest.SECRET).build())
                .separate(original, main, dir.resolve("main.scci"));

        VideoQuality.Psnr self = Media.psnr(original, original);
        assertTrue(self.meanAll() > 90, "the measurement itself works: the original against itself " + self);
        VideoQuality.Psnr psnr = Media.psnr(original, main);
        CommandResult decode =
                Media.ffmpeg(300, "-nostats", "-loglevel", "error", "-i", main.toString(), "-f", "null", "-");
        assertEquals(0, decode.exit(), "ffmpeg must decode the main stream: " + decode.stderr());

        String line = String.format(
                Locale.ROOT,
                "%-42s extracted %.3f %% of the file; video %s%n",
                clip.label(),
                100 * report.share(),
                psnr);
        System.out.print(line);
        Files.writeString(
                Media.WORK.resolve("protection.txt"),
                line,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        assertTrue(report.share() <= 0.02, "extracted share " + report.share());
        assertTrue(psnr.meanAll() <= 12.0, clip.label() + ": " + psnr);
        assertTrue(psnr.frames() >= 100, "ffmpeg compared the whole clip: " + psnr);
    }
}
