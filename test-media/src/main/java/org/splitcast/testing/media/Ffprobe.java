package org.splitcast.testing.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ffprobe says about a file. Output is read in ffprobe's {@code compact} format ({@code
 * section|key=value|...}, one line per section, separators inside values escaped with a
 * backslash).
 */
public final class Ffprobe {

    /** How long one ffprobe run may take. */
    public static final Duration TIMEOUT = Duration.ofMinutes(2);

    /**
     * The entries {@link #summary} shows: programs, and per stream its codec, profile,
     * resolution, pixel format, sample rate, channels, start time and duration, and the
     * container's stream and program counts and duration.
     */
    public static final String SUMMARY_ENTRIES =
            "program=program_id,program_num,nb_streams:stream=index,id,codec_type,codec_name,profile,"
                    + "width,height,pix_fmt,sample_rate,channels,start_time,duration"
                    + ":format=nb_streams,nb_programs,duration";

    private Ffprobe() {}

    /**
     * The streams of {@code file}, in index order.
     *
     * @throws CommandFailedException if ffprobe cannot read the file
     */
    public static List<ProbedStream> streams(Path file) throws IOException {
        List<ProbedStream> out = new ArrayList<>();
        for (Section s : sections(file, "-show_streams")) {
            if (s.name().equals("stream")) {
                out.add(new ProbedStream(s.fields()));
            }
        }
        return out;
    }

    /**
     * The fields of the file's format section ({@code format_name}, {@code duration}, {@code
     * nb_streams}, {@code nb_programs}, {@code bit_rate}, ...).
     */
    public static Map<String, String> format(Path file) throws IOException {
        for (Section s : sections(file, "-show_format")) {
            if (s.name().equals("format")) {
                return s.fields();
            }
        }
        throw new IOException("ffprobe printed no format section for " + file);
    }

    /**
     * A text of the file's programs and streams to compare two files by ({@link
     * #SUMMARY_ENTRIES}, one line per section): two files with equal summaries look the same to a
     * player's demuxer.
     */
    public static String summary(Path file) throws IOException {
        return Ffmpeg.locate()
                .ffprobe(
                        TIMEOUT,
                        List.of("-v", "error", "-show_entries", SUMMARY_ENTRIES, "-of", "compact=p=1", file.toString()))
                .requireSuccess("ffprobe " + file)
                .stdout();
    }

    /** One section of ffprobe's compact output. */
    record Section(String name, Map<String, String> fields) {}

    private static List<Section> sections(Path file, String show) throws IOException {
        CommandResult r = Ffmpeg.locate()
                .ffprobe(TIMEOUT, List.of("-v", "error", show, "-of", "compact=p=1:e=c", file.toString()))
                .requireSuccess("ffprobe " + file);
        return parse(r.stdout());
    }

    /** Parses compact output written with {@code p=1} (section names) and {@code e=c} (C escaping). */
    static List<Section> parse(String compact) {
        List<Section> out = new ArrayList<>();
        for (String line : compact.lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            List<String> parts = split(line);
            Map<String, String> fields = new LinkedHashMap<>();
            for (String part : parts.subList(1, parts.size())) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    fields.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            out.add(new Section(parts.get(0), fields));
        }
        return out;
    }

    private static List<String> split(String line) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(++i);
                cur.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
            } else if (c == '|') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }
}
