package org.splitcast.benchmarks.peak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgPlotTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The polylines and lone points drawn for a series, over all panels. */
    static int marks(Document doc, String series) {
        int marks = 0;
        NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (series.equals(g.getAttribute("data-series"))) {
                marks += g.getElementsByTagNameNS("*", "polyline").getLength()
                        + g.getElementsByTagNameNS("*", "circle").getLength();
            }
        }
        return marks;
    }

    @Test
    void aPlotIsWellFormedSvgWithEverySeriesAndGapsWhereValuesAreMissing() throws Exception {
        double[] xs = {0, 1, 2, 3, 4, 5};
        String svg = SvgPlot.render(
                "Peak <off> & \"on\"",
                "a subtitle",
                "seconds",
                0,
                6,
                List.of(new SvgPlot.Panel(
                        "rate",
                        List.of(
                                new SvgPlot.Line(
                                        "off", "precompute off", "#00f", false, xs, new double[] {1, 2, 3, 4, 5, 6}),
                                new SvgPlot.Line("on", "precompute on", "#f00", false, xs, new double[] {
                                    1, Double.NaN, 3, 4, Double.NaN, 6
                                })),
                        List.of(new SvgPlot.Band("gate", "gate open", "#0f0", List.of(new double[] {1, 3}))),
                        0,
                        Double.NaN)),
                List.of(new SvgPlot.Marker(2, "peak")));

        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals(1, marks(doc, "off"), "one unbroken line");
        assertEquals(3, marks(doc, "on"), "a point, a line, a point");
        assertTrue(svg.contains("Peak &lt;off&gt; &amp; &quot;on&quot;"));
        assertTrue(svg.contains("data-band=\"gate\""));
    }

    @Test
    void segmentsBreakAtMissingValues() {
        List<List<double[]>> segments =
                SvgPlot.segments(new double[] {0, 1, 2, 3, 4}, new double[] {Double.NaN, 1, 2, Double.NaN, 4});
        assertEquals(2, segments.size());
        assertEquals(2, segments.get(0).size());
        assertEquals(1, segments.get(1).size());
    }

    @Test
    void ticksAreRound() {
        assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), SvgPlot.ticks(0, 100, 5));
        assertEquals(List.of(-50.0, 0.0, 50.0), SvgPlot.ticks(-95, 60, 5));
        assertEquals(List.of(-80.0, -60.0, -40.0, -20.0, 0.0, 20.0, 40.0, 60.0), SvgPlot.ticks(-95, 60, 8));
        assertEquals(250.0, SvgPlot.niceCeiling(233));
    }
}
