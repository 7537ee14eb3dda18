package org.splitcast.separation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitcast.separation.testing.Media;
import org.splitcast.testing.media.CommandResult;

/**
 * What a user gets from {@code mvn -f stream-separation/pom.xml package}: the {@code
 * bin/splitcast-separate} script runs the packaged jar, in a 64 MB heap, with its documented exit
 * codes.
 */
class CliScriptIT {

    @TempDir
    Path dir;

    private static CommandResult script(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("env");
        cmd.add("JAVA_OPTS=-Xmx64m");
        cmd.add("JAVA_HOME=" + System.getProperty("java.home"));
        cmd.add(System.getProperty("splitcast.separation.script", "bin/splitcast-separate"));
        cmd.addAll(List.of(args));
        return Media.run(cmd, 120);
    }

    @Test
    void scriptSeparatesRebuildsAndInspects() throws Exception {
        Path ts = Media.clip(Media.Clip.HEVC_AC3);
        Path main = dir.resolve("main.ts");
        Path comp = dir.resolve("main.scci");
        Path out = dir.resolve("out.ts");
        CommandResult s = script("separate", ts.toString(), main.toString(), comp.toString());
        assertEquals(0, s.exit(), s.stderr());
        assertTrue(s.stderr().contains("MB/s"), s.stderr());
        CommandResult r = script("rebuild", main.toString(), comp.toString(), out.toString());
        assertEquals(0, r.exit(), r.stderr());
        assertArrayEquals(Files.readAllBytes(ts), Files.readAllBytes(out));
        CommandResult i = script("inspect", ts.toString());
        assertEquals(0, i.exit(), i.stderr());
        assertTrue(i.stdout().contains("H.265/HEVC") && i.stdout().contains("AC-3"), i.stdout());
        CommandResult v = script("--version");
        assertEquals(0, v.exit(), v.stderr());
        assertTrue(
                v.stdout().matches("splitcast-separate \\d+\\.\\d+\\.\\d+.*complementary format 1\\.0\\s*"),
                v.stdout());
    }

    @Test
    void scriptExitCodesAreTheDocumentedOnes() throws Exception {
        assertEquals(2, script("separate").exit());
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a stream\n".repeat(100));
        CommandResult bad = script(
                "separate",
                text.toString(),
                dir.resolve("m").toString(),
                dir.resolve("c").toString());
        assertEquals(3, bad.exit(), bad.stderr());
        assertTrue(
                bad.stderr().startsWith("splitcast-separate: invalid input: not an MPEG transport stream"),
                bad.stderr());
        assertEquals(4, script("inspect", dir.resolve("missing.ts").toString()).exit());
        assertEquals(List.of(text), Files.list(dir).toList(), "no output left");
    }
}
