package org.splitcast.benchmarks.peak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsTest {

    @Test
    void noArgumentsGiveTheDefaultsSizedForTwoCores() throws Exception {
        Options o = Options.parse();
        assertEquals("http://localhost:8080", o.url.toString());
        assertEquals(1500, o.subscribers);
        assertEquals(200, o.contents);
        assertEquals(16, o.clients);
        assertEquals(0.7, o.p);
        assertEquals(10, o.k);
        assertEquals(List.of(Options.Mode.OFF, Options.Mode.ON), o.order);
        assertTrue(o.s1.isEmpty(), "S1 is measured unless given");
        assertFalse(o.help);
    }

    @Test
    void bothSpellingsOfAnOptionAreAccepted() throws Exception {
        Options o = Options.parse(
                "--url",
                "http://localhost:8380/",
                "--k=3",
                "--p",
                "0.5",
                "--interval",
                "pt20s",
                "--order",
                "on,off",
                "--s1",
                "40",
                "--repeat-picks",
                "yes");
        assertEquals("http://localhost:8380", o.url.toString(), "the trailing slash goes");
        assertEquals(3, o.k);
        assertEquals(0.5, o.p);
        assertEquals(Duration.ofSeconds(20), o.interval);
        assertEquals(List.of(Options.Mode.ON, Options.Mode.OFF), o.order);
        assertEquals(40, o.s1.getAsDouble());
        assertTrue(o.repeatPicks);
    }

    @Test
    void helpWinsOverEverythingElse() throws Exception {
        assertTrue(Options.parse("--bogus", "--help").help);
        assertTrue(Options.usage().contains("--subscribers"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--bogus 1 | unknown option --bogus",
                "--peak | --peak needs a value",
                "--peak soon | --peak: 'soon' is not a number of seconds",
                "--p 1.5 | --p: must be between 0 and 1, was 1.5",
                "--clients 0 | --clients: must be between 1 and 1000, was 0",
                "--interval PT1.5S | --interval: must be whole seconds",
                "--period PT1S | --period: must be whole seconds between 2 s and 86400 s",
                "--order on,on | --order: must be off,on or on,off",
                "--url ftp://x | --url: 'ftp://x' is not an http(s) URL",
                "--operator nobody | --operator: 'nobody' is not USER:PASSWORD",
                "--run-id Peak_1 | --run-id: must be 1 to 20 lower-case letters",
                "--clusters 300 --contents 100 | --clusters (300) must not exceed --contents (100)",
                "--s1 2 --quiet-rate 3 | --s1 (2) must be above --quiet-rate (3)",
                "positional | unexpected argument 'positional'"
            })
    void badOptionsAreRefusedWithWhatToChange(String line, String message) {
        Options.OptionsException e = assertThrows(
                Options.OptionsException.class, () -> Options.parse(line.trim().split(" +")));
        assertTrue(e.getMessage().startsWith(message), () -> "message: " + e.getMessage());
    }
}
