package org.splitcast.testing.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void exitCodeAndBothOutputsAreCaptured() throws Exception {
        CommandResult r = Commands.run(
                List.of("sh", "-c", "echo out; echo \"err $X\" >&2; exit 3"),
                Map.of("X", "set"),
                Duration.ofSeconds(30));
        assertEquals(3, r.exit());
        assertEquals("out\n", r.stdout());
        assertEquals("err set\n", r.stderr());
        assertFalse(r.succeeded());
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> r.requireSuccess("the step"));
        assertTrue(e.getMessage().contains("the step failed") && e.getMessage().contains("err set"), e.getMessage());
    }

    @Test
    void aCommandPastItsTimeoutIsKilledWithItsChildren() throws Exception {
        CommandTimeoutException e = assertThrows(
                CommandTimeoutException.class,
                () -> Commands.run(List.of("sh", "-c", "echo started >&2; sleep 600 & wait"), Duration.ofSeconds(1)));
        assertTrue(
                e.getMessage().contains("timed out after 1 s") && e.getMessage().contains("started"), e.getMessage());
        assertTrue(
                ProcessHandle.current()
                        .descendants()
                        .noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 600")),
                "no child left running");
    }

    @Test
    void largeOutputDoesNotBlock() throws Exception {
        CommandResult r = Commands.run(
                List.of("sh", "-c", "head -c 3000000 /dev/zero | tr '\\0' 'x' >&2"), Duration.ofSeconds(60));
        assertEquals(0, r.exit());
        assertEquals(3_000_000, r.stderr().length());
    }
}
