package org.splitcast.testing.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aCommandPastItsTimeoutIsKilledWithItsChildren(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        String script = "sleep 600 & echo $! > '" + pidFile + "'; echo started >&2; wait";
        CommandTimeoutException e = assertThrows(
                CommandTimeoutException.class, () -> Commands.run(List.of("sh", "-c", script), Duration.ofSeconds(2)));
        assertTrue(
                e.getMessage().contains("timed out after 2 s") && e.getMessage().contains("started"), e.getMessage());
        long child = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(child)
                .ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertFalse(
                ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the child sleep was killed too");
    }

    @Test
    void largeOutputDoesNotBlock() throws Exception {
        CommandResult r = Commands.run(
                List.of("sh", "-c", "head -c 3000000 /dev/zero | tr '\\0' 'x' >&2"), Duration.ofSeconds(60));
        assertEquals(0, r.exit());
        assertEquals(3_000_000, r.stderr().length());
    }
}
