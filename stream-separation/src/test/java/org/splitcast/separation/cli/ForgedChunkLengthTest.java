package org.splitcast.separation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryInfo;
import org.splitcast.separation.complementary.ComplementaryWriter;
import org.splitcast.testing.media.CommandResult;
import org.splitcast.testing.media.Commands;

/**
 * A forged complementary information whose checksums are right but whose chunk claims a 200 MiB
 * range, against a main stream of a few KB: the rebuild, in a JVM of 32 MB, refuses it as a
 * truncated main stream. It used to allocate the claimed length first and die of an
 * OutOfMemoryError.
 */
class ForgedChunkLengthTest {

    @TempDir
    Path dir;

    private static final int CLAIMED = 200 << 20;

    private CommandResult cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx32m");
        cmd.add("-cp");
        cmd.add(System.getProperty("splitcast.test.classes", "target/classes"));
        cmd.add(SeparateCommand.class.getName());
        cmd.addAll(List.of(args));
        return Commands.run(cmd, Duration.ofMinutes(2));
    }

    @Test
    void aChunkClaimingMoreThanTheMainStreamHasIsRefusedWithoutAllocatingIt() throws Exception {
        byte[] id = new byte[ComplementaryInfo.SEPARATION_ID_BYTES];
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        ComplementaryWriter w = ComplementaryWriter.toStream(forged);
        w.begin(new ComplementaryInfo(188, id, 180_000));
        w.chunk(new ComplementaryChunk(
                id, 0, 0, 180_000, 0, CLAIMED, new byte[32], 0, new long[0], new int[0], 0, new byte[0], 0));
        Path comp = Files.write(dir.resolve("forged.scci"), forged.toByteArray());
        Path main = Files.write(dir.resolve("main.ts"), new byte[188 * 20]);
        Path out = dir.resolve("out.ts");

        CommandResult whole = cli("rebuild", main.toString(), comp.toString(), out.toString());
        assertEquals(3, whole.exit(), whole.toString());
        assertTrue(
                whole.stderr().contains("the main stream ends at byte 3760, but chunk 0 covers bytes up to " + CLAIMED),
                whole.stderr());

        CommandResult chunks = cli("rebuild", "--chunks", "0..0", main.toString(), comp.toString(), out.toString());
        assertEquals(3, chunks.exit(), chunks.toString());
        assertTrue(chunks.stderr().contains("the main stream ends at byte 3760"), chunks.stderr());

        for (CommandResult r : List.of(whole, chunks)) {
            assertFalse(r.stderr().contains("OutOfMemory") || r.stderr().contains("\tat "), r.stderr());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    Set.of("forged.scci", "main.ts"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()),
                    "no output left");
        }
    }
}
