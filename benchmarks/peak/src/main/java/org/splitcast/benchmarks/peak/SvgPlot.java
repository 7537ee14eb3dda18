package org.splitcast.benchmarks.peak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small hand-written SVG chart: panels stacked over one shared x axis (seconds), each with its
 * lines (gaps where a value is NaN), optional bands (intervals shaded at the panel's foot) and a
 * legend; vertical markers across all panels. No library: the text is the SVG.
 */
final class SvgPlot {

    /** A series: {@code key} names it in the file ({@code data-series}), {@code name} in the legend. */
    record Line(String key, String name, String color, boolean dashed, double[] xs, double[] ys) {
        Line {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("xs and ys differ in length");
            }
        }
    }

    /** Intervals [from, to) shaded along the foot of a panel. */
    record Band(String key, String name, String color, List<double[]> intervals) {}

    /** One panel; {@code yMax} NaN: from the data. */
    record Panel(String title, List<Line> lines, List<Band> bands, double yMin, double yMax) {}

    /** A vertical line across every panel at {@code x}, labelled. */
    record Marker(double x, String label) {}

    private static final int WIDTH = 1000;
    private static final int LEFT = 70;
    private static final int RIGHT = 200;
    private static final int PANEL_HEIGHT = 170;
    private static final int PANEL_GAP = 50;
    private static final int TOP = 84;
    private static final int BOTTOM = 50;

    private SvgPlot() {}

    static String render(
            String title,
            String subtitle,
            String xLabel,
            double xMin,
            double xMax,
            List<Panel> panels,
            List<Marker> markers) {
        if (!(xMax > xMin)) {
            throw new IllegalArgumentException("xMax must be above xMin");
        }
        int plotWidth = WIDTH - LEFT - RIGHT;
        int height = TOP + panels.size() * (PANEL_HEIGHT + PANEL_GAP) - PANEL_GAP + BOTTOM;
        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">\n",
                WIDTH,
                height,
                WIDTH,
                height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(LEFT, 22, title, "font-size=\"16\" font-weight=\"bold\""));
        svg.append(text(LEFT, 42, subtitle, "fill=\"#555\""));

        for (int p = 0; p < panels.size(); p++) {
            Panel panel = panels.get(p);
            int top = TOP + p * (PANEL_HEIGHT + PANEL_GAP);
            double yMin = panel.yMin();
            double yMax = panel.yMax();
            if (Double.isNaN(yMax)) {
                yMax = yMin;
                for (Line line : panel.lines()) {
                    for (double y : line.ys()) {
                        if (!Double.isNaN(y) && y > yMax) {
                            yMax = y;
                        }
                    }
                }
                yMax = niceCeiling(yMax <= yMin ? yMin + 1 : yMax);
            }
            Scale sx = new Scale(xMin, xMax, LEFT, LEFT + plotWidth);
            Scale sy = new Scale(yMin, yMax, top + PANEL_HEIGHT, top);

            svg.append("<g class=\"panel\">\n");
            svg.append(text(LEFT, top - 8, panel.title(), "font-weight=\"bold\""));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n",
                    LEFT,
                    top,
                    plotWidth,
                    PANEL_HEIGHT));
            // y grid and ticks
            for (double y : ticks(yMin, yMax, 5)) {
                double py = sy.map(y);
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>\n",
                        LEFT,
                        py,
                        LEFT + plotWidth,
                        py));
                svg.append(text(LEFT - 6, py + 4, Options.fmt(y), "text-anchor=\"end\" fill=\"#333\""));
            }
            // x ticks (labels on the last panel only)
            for (double x : ticks(xMin, xMax, 12)) {
                double px = sx.map(x);
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#f2f2f2\"/>\n",
                        px,
                        top,
                        px,
                        top + PANEL_HEIGHT));
                if (p == panels.size() - 1) {
                    svg.append(text(px, top + PANEL_HEIGHT + 16, Options.fmt(x), "text-anchor=\"middle\""));
                }
            }
            // bands along the foot
            int bandRow = 0;
            for (Band band : panel.bands()) {
                double y = top + PANEL_HEIGHT - 8 - 8 * bandRow++;
                svg.append(String.format(
                        Locale.ROOT,
                        "<g data-band=\"%s\" fill=\"%s\" fill-opacity=\"0.5\">\n",
                        escape(band.key()),
                        escape(band.color())));
                for (double[] interval : band.intervals()) {
                    double x1 = sx.map(Math.max(xMin, interval[0]));
                    double x2 = sx.map(Math.min(xMax, interval[1]));
                    if (x2 > x1) {
                        svg.append(String.format(
                                Locale.ROOT,
                                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"6\"/>\n",
                                x1,
                                y,
                                x2 - x1));
                    }
                }
                svg.append("</g>\n");
            }
            // lines
            for (Line line : panel.lines()) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<g data-series=\"%s\" stroke=\"%s\" fill=\"none\" stroke-width=\"1.6\"%s>\n",
                        escape(line.key()),
                        escape(line.color()),
                        line.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
                for (List<double[]> segment : segments(line.xs(), line.ys())) {
                    if (segment.size() == 1) {
                        svg.append(String.format(
                                Locale.ROOT,
                                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.5\" fill=\"%s\"/>\n",
                                sx.map(segment.get(0)[0]),
                                sy.map(clamp(segment.get(0)[1], yMin, yMax)),
                                escape(line.color())));
                        continue;
                    }
                    svg.append("<polyline points=\"");
                    for (double[] point : segment) {
                        svg.append(String.format(
                                Locale.ROOT, "%.1f,%.1f ", sx.map(point[0]), sy.map(clamp(point[1], yMin, yMax))));
                    }
                    svg.append("\"/>\n");
                }
                svg.append("</g>\n");
            }
            // legend
            int ly = top + 12;
            for (Line line : panel.lines()) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                        LEFT + plotWidth + 12,
                        ly - 4,
                        LEFT + plotWidth + 36,
                        ly - 4,
                        escape(line.color()),
                        line.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
                svg.append(text(LEFT + plotWidth + 42, ly, line.name(), ""));
                ly += 18;
            }
            for (Band band : panel.bands()) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"24\" height=\"6\" fill=\"%s\" fill-opacity=\"0.5\"/>\n",
                        LEFT + plotWidth + 12,
                        ly - 8,
                        escape(band.color())));
                svg.append(text(LEFT + plotWidth + 42, ly, band.name(), ""));
                ly += 18;
            }
            // markers
            for (Marker marker : markers) {
                if (marker.x() < xMin || marker.x() > xMax) {
                    continue;
                }
                double px = sx.map(marker.x());
                svg.append(String.format(
                        Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\" stroke-dasharray=\"2 3\"/>\n",
                        px,
                        top,
                        px,
                        top + PANEL_HEIGHT));
                if (p == 0) {
                    svg.append(text(px + 3, top + 12, marker.label(), "fill=\"#333\""));
                }
            }
            svg.append("</g>\n");
        }
        int lastBottom = TOP + panels.size() * (PANEL_HEIGHT + PANEL_GAP) - PANEL_GAP;
        svg.append(text(LEFT + plotWidth / 2.0, lastBottom + 36, xLabel, "text-anchor=\"middle\""));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Runs of consecutive points with a value (x and y not NaN). */
    static List<List<double[]>> segments(double[] xs, double[] ys) {
        List<List<double[]>> segments = new ArrayList<>();
        List<double[]> current = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                if (!current.isEmpty()) {
                    segments.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(new double[] {xs[i], ys[i]});
            }
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
        return segments;
    }

    /** Round tick values (1, 2 or 5 × 10^n apart) from min to max, about {@code count} of them. */
    static List<Double> ticks(double min, double max, int count) {
        double step = niceStep((max - min) / Math.max(1, count));
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    private static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    static double niceCeiling(double value) {
        double step = niceStep(value / 5);
        return Math.ceil(value / step) * step;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static String text(double x, double y, String s, String attributes) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\"%s>%s</text>\n",
                x,
                y,
                attributes.isEmpty() ? "" : " " + attributes,
                escape(s));
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private record Scale(double from, double to, double pixelFrom, double pixelTo) {
        double map(double v) {
            return pixelFrom + (v - from) / (to - from) * (pixelTo - pixelFrom);
        }
    }
}
