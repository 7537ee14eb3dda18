package org.splitcast.benchmarks.peak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitcast.benchmarks.peak.Options.Mode;
import org.splitcast.benchmarks.peak.Series.Phase;
import org.splitcast.recommendation.synthetic.SyntheticPopulation;
import org.w3c.dom.Document;

class ReportTest {

    private static final long S = 1_000_000_000L;

    /** A mode that ran 3 s quiet then a 4 s peak at {@code perSecond} licenses, {@code hitEvery}-th a hit. */
    private static ModeRun.Result result(Mode mode, int perSecond, int hitEvery, int computedInQuiet) {
        SyntheticPopulation population = SyntheticPopulation.generate(
                SyntheticPopulation.Config.of(10, 30, 1).withClusters(3).withMeanViews(3));
        PopulationCopy copy = new PopulationCopy(mode, "test", population);
        Series series = new Series();
        long peak = 100 * S;
        Instant peakStart = Instant.parse("2026-01-01T00:01:40Z");
        for (int second = -3; second < 4; second++) {
            int n = second < 0 ? 2 : perSecond;
            for (int i = 0; i < n; i++) {
                int access = i % hitEvery == 0 ? 1 : 0;
                series.add(new Series.Request(
                        peak + second * S + (i + 1) * (S / (n + 1)),
                        200,
                        access,
                        (access == 1 ? 3 : 12) * 1_000_000L,
                        second < 0 ? Phase.QUIET : Phase.PEAK,
                        second == 0 ? 1 : 2));
            }
            series.add(new Series.Status(
                    peak + second * S + S / 2,
                    second < 0 ? 2 : perSecond,
                    0,
                    second < 0,
                    mode == Mode.ON,
                    100 + second,
                    mode == Mode.ON && second < 0 ? 5 : 0,
                    0,
                    0));
        }
        JsonObject status = Json.createObjectBuilder()
                .add("storeSize", 100)
                .add("activeUsersWaiting", 0)
                .build();
        List<ModeRun.PrecomputeRun> runs = mode == Mode.ON
                ? List.of(new ModeRun.PrecomputeRun(
                        peakStart.minusSeconds(2),
                        800,
                        "COMPLETED",
                        "the active list was emptied",
                        2,
                        40,
                        76,
                        10,
                        computedInQuiet,
                        0))
                : List.of();
        return new ModeRun.Result(
                mode,
                copy,
                series,
                peak - 3 * S,
                peak - S / 2,
                peak,
                peak + 4 * S,
                peakStart.minusSeconds(3),
                peakStart,
                peakStart.plusSeconds(4),
                status,
                status,
                status,
                runs,
                10,
                0,
                10,
                0,
                List.of(),
                1.0,
                2.0,
                1.5,
                new int[] {1, 2, 0},
                new int[] {0, 2, 0},
                peakStart);
    }

    private static Map<Mode, Report.Figures> figures() {
        Map<Mode, Report.Figures> figures = new LinkedHashMap<>();
        figures.put(Mode.OFF, Report.Figures.of(result(Mode.OFF, 10, 10, 0), 4));
        figures.put(Mode.ON, Report.Figures.of(result(Mode.ON, 15, 2, 50), 4));
        return figures;
    }

    @Test
    void theTablePutsTheModesSideBySideWithTheirRatio() throws Exception {
        Options o = Options.parse("--peak", "4", "--quiet", "3");
        String md = Report.markdown(
                o,
                40,
                "--s1",
                List.of(),
                figures(),
                List.of("a warning"),
                new ModeRun.Calibration(10, 50, 0, 5),
                new ModeRun.Calibration(40, 200, 0, 5));
        assertTrue(md.contains("| **peak: licenses/s** | **10.0** | **15.0** | **1.50** |"), md);
        assertTrue(md.contains("| peak: licenses/s, median second | 10.0 | 15.0 | 1.50 |"), md);
        assertTrue(md.contains("| **peak: hit ratio** | **10.0%** | **53.3%** | **+43.3 points** |"), md);
        assertTrue(md.contains("| **quiet: access blocks computed by the timer** | **0** | **50** | |"), md);
        assertTrue(md.contains("- a warning"), md);
        // h 0.533, c = 10 / 40 = 0.25: bound 1 / (0.467 + 0.133) = 1.67; gain 1.5 → 0.90 of it
        assertTrue(
                md.contains("| 0.533 | 0.76 | 0.250 (misses alone 10.0/s, hits alone 40.0/s) | 1.50 | 1.67 | 0.90 |"),
                md);
        assertTrue(md.contains("| picks | 2 | 0 | 1 | 3 |"), md);
        assertTrue(md.contains("| hits | 2 | 0 | 0 | 2 |"), md);
    }

    @Test
    void aPrimeTimeBurstIsMeasuredOverItselfAndByPick() throws Exception {
        Options o = Options.parse("--peak", "4", "--quiet", "3", "--prime-time", "true");
        String md = Report.markdown(
                o, 40, "--s1", List.of(), figures(), List.of(), ModeRun.Calibration.NONE, ModeRun.Calibration.NONE);
        assertTrue(md.contains("| peak: the burst's length | 4.00 s | 4.00 s | 1.00 |"), md);
        assertTrue(!md.contains("median second"), md);
        // the test series: picks 1 in the peak's first second, 2 after; on, every second one a hit
        assertTrue(md.contains("| peak: hit ratio of each subscriber's first pick | 10.0% | 53.3% |"), md);
        assertTrue(md.contains("| peak: hit ratio of each subscriber's third pick | n/a | n/a |"), md);
        assertTrue(md.contains("| n/a | 1.50 | n/a | n/a |"), md);
    }

    @Test
    void theCsvHasOneLinePerModeAndSecond() {
        String csv = Report.csv(figures());
        String[] lines = csv.split("\n");
        assertEquals(1 + 2 * 7, lines.length, csv);
        assertTrue(lines[1].startsWith("off,-3,quiet,2,"), lines[1]);
        assertTrue(csv.contains("\non,3,peak,15,8,7,0,0.5333,"), csv);
    }

    @Test
    void thePlotIsWellFormedAndDrawsBothModes() throws Exception {
        Options o = Options.parse("--peak", "4", "--quiet", "3");
        Document doc = SvgPlotTest.parse(Report.svg(o, 40, figures()));
        // licenses/s, hit ratio, workload, store and waiting users: a line each per mode
        assertEquals(5, SvgPlotTest.marks(doc, "off"));
        assertEquals(5, SvgPlotTest.marks(doc, "on"));
        assertEquals(1, SvgPlotTest.marks(doc, "s1"));
    }
}
