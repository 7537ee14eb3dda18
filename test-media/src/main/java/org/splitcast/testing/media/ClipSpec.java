package org.splitcast.testing.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link Clips#make} encodes: synthetic inputs from ffmpeg's {@code lavfi} sources (each
 * mapped into the output in the order added), the output arguments (codecs, bit rates, muxer
 * options) and the container format. Build one with {@link #builder()}.
 *
 * <pre>{@code
 * ClipSpec spec = ClipSpec.builder()
 *         .testPattern(320, 240, 25, 5)       // testsrc2, 5 s
 *         .tone(440, 48_000, 5)               // sine, 5 s
 *         .args("-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k")
 *         .format("mpegts")
 *         .build();
 * }</pre>
 */
public final class ClipSpec {

    private final List<String> sources;
    private final List<String> args;
    private final String format;

    private ClipSpec(Builder b) {
        if (b.sources.isEmpty()) {
            throw new IllegalArgumentException("a clip needs at least one source");
        }
        this.sources = List.copyOf(b.sources);
        this.args = List.copyOf(b.args);
        this.format = Objects.requireNonNull(b.format, "format");
    }

    /** @return a builder with no source, no argument and the {@code mpegts} format */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the lavfi source descriptions, in input order */
    public List<String> sources() {
        return sources;
    }

    /** @return the output arguments */
    public List<String> args() {
        return args;
    }

    /** @return the container format ({@code -f}) */
    public String format() {
        return format;
    }

    /** The ffmpeg arguments that write this clip to {@code output}, after {@code ffmpeg}. */
    List<String> commandLine(String output) {
        List<String> cmd = new ArrayList<>(List.of("-nostdin", "-loglevel", "error", "-y"));
        for (String s : sources) {
            cmd.addAll(List.of("-f", "lavfi", "-i", s));
        }
        for (int i = 0; i < sources.size(); i++) {
            cmd.addAll(List.of("-map", Integer.toString(i)));
        }
        cmd.addAll(args);
        cmd.addAll(List.of("-f", format, output));
        return cmd;
    }

    @Override
    public String toString() {
        return String.join(" ", commandLine("OUTPUT"));
    }

    /** Builds a {@link ClipSpec}. */
    public static final class Builder {
        private final List<String> sources = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private String format = "mpegts";

        private Builder() {}

        /** Adds any lavfi source, e.g. {@code testsrc=size=320x240:rate=25:duration=5}. */
        public Builder source(String lavfi) {
            sources.add(Objects.requireNonNull(lavfi));
            return this;
        }

        /** Adds ffmpeg's moving {@code testsrc2} pattern (a clock, colour bars and noise). */
        public Builder testPattern(int width, int height, int fps, double seconds) {
            return source(String.format(
                    Locale.ROOT, "testsrc2=size=%dx%d:rate=%d:duration=%s", width, height, fps, num(seconds)));
        }

        /** Adds a mono sine tone. */
        public Builder tone(int frequencyHz, int sampleRate, double seconds) {
            return source(String.format(
                    Locale.ROOT,
                    "sine=frequency=%d:sample_rate=%d:duration=%s",
                    frequencyHz,
                    sampleRate,
                    num(seconds)));
        }

        /** Appends output arguments (codecs, bit rates, {@code -program}, muxer options). */
        public Builder args(String... more) {
            args.addAll(List.of(more));
            return this;
        }

        /** Appends output arguments. */
        public Builder args(List<String> more) {
            args.addAll(more);
            return this;
        }

        /** Sets the container format ({@code mpegts} by default). */
        public Builder format(String muxer) {
            this.format = Objects.requireNonNull(muxer);
            return this;
        }

        public ClipSpec build() {
            return new ClipSpec(this);
        }

        private static String num(double seconds) {
            if (!(seconds > 0) || seconds > 3600) {
                throw new IllegalArgumentException("duration out of (0, 3600] s: " + seconds);
            }
            return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
        }
    }
}
