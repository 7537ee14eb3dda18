package org.splitcast.testing.media;

import java.util.Map;

/**
 * One stream as ffprobe reports it ({@code -show_streams}).
 *
 * @param fields every field ffprobe printed for the stream, by its name ({@code codec_name},
 *     {@code width}, {@code tag:language}, {@code disposition:default}, ...), values as printed
 */
public record ProbedStream(Map<String, String> fields) {

    public ProbedStream {
        fields = Map.copyOf(fields);
    }

    /** @return a field as printed, or {@code null} when ffprobe did not print it */
    public String field(String name) {
        return fields.get(name);
    }

    /** @return the stream's index in the file */
    public int index() {
        return integer("index");
    }

    /** @return {@code video}, {@code audio}, {@code data}, ... */
    public String codecType() {
        return fields.get("codec_type");
    }

    /** @return ffmpeg's codec name: {@code h264}, {@code hevc}, {@code aac}, {@code mp2}, ... */
    public String codecName() {
        return fields.get("codec_name");
    }

    /** @return the width in pixels, 0 if not a video stream */
    public int width() {
        return integer("width");
    }

    /** @return the height in pixels, 0 if not a video stream */
    public int height() {
        return integer("height");
    }

    /** @return the sample rate in Hz, 0 if not an audio stream */
    public int sampleRate() {
        return integer("sample_rate");
    }

    /** @return the number of audio channels, 0 if not an audio stream */
    public int channels() {
        return integer("channels");
    }

    /** @return the duration in seconds, or NaN when ffprobe gave none */
    public double durationSeconds() {
        String v = fields.get("duration");
        try {
            return v == null ? Double.NaN : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private int integer(String name) {
        String v = fields.get(name);
        try {
            return v == null ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
