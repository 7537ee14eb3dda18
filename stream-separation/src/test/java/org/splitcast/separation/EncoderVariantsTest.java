package org.splitcast.separation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.splitcast.separation.testing.Media;
import org.splitcast.separation.testing.MediaSafety;
import org.splitcast.separation.testing.TsLayout;
import org.splitcast.testing.media.CommandResult;

/**
 * The header parsers on encoder settings the round-trip clips do not use: CAVLC, several slices
 * per picture, interlaced coding, 10-bit, 4:2:2, weighted prediction, HEVC slices, MPEG-2 fields,
 * MPEG-1 with MP3. Every slice header is parsed (none skipped), the stream rebuilds exactly, and
 * ffmpeg decoding the main stream reports damage in macroblock data only, never in a header.
 */
class EncoderVariantsTest {

    /** ffmpeg messages that would mean a parameter set or slice header was damaged. */
    private static final Pattern HEADER_ERROR = Pattern.compile(
            "(?i)slice header|pps id|sps id|first_mb_in_slice|decode_slice_header|non-existing (pps|sps)"
                    + "|frame num|illegal short|invalid (pps|sps)|header damaged|slice_type");

    @ParameterizedTest
    @EnumSource(Media.Variant.class)
    void everyHeaderIsParsedAndLeftIntact(Media.Variant variant) throws Exception {
        Path original = Media.variant(variant);
        Path dir = RoundTripTest.work("variant-" + variant.name().toLowerCase(Locale.ROOT));
        Path main = dir.resolve("main.ts");
        Path comp = dir.resolve("main.scci");
        Path rebuilt = dir.resolve("rebuilt.ts");
        SeparationReport report = new StreamSeparator(
                        SeparationOptions.builder().secret(RoundTripTest.SECRET).build())
                .separate(original, main, comp);
        new StreamRebuilder().rebuild(main, comp, rebuilt);
        assertEquals(RoundTripTest.sha256(original), RoundTripTest.sha256(rebuilt));
        for (StreamReport s : report.streams()) {
            assertTrue(s.isProtected() && s.unitsHit() > 0, s.toString());
            assertEquals(0, s.skippedUnits(), s.codec() + ": every header parsed");
        }
        byte[] o = Files.readAllBytes(original);
        MediaSafety.check(o, Files.readAllBytes(main), TsLayout.read(o, 188).streams());
        assertEquals(Media.probe(original), Media.probe(main));
        CommandResult decode = Media.ffmpeg(120, "-nostats", "-i", main.toString(), "-f", "null", "-");
        assertEquals(0, decode.exit(), decode.stderr());
        decode.stderr()
                .lines()
                .filter(l -> HEADER_ERROR.matcher(l).find())
                .findFirst()
                .ifPresent(l -> {
                    throw new AssertionError("ffmpeg reports a damaged header: " + l);
                });
    }
}
