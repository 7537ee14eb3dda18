package org.splitcast.separation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.splitcast.separation.testing.LoopingTsInputStream;
import org.splitcast.separation.testing.Media;

/**
 * Constant memory: separation and rebuild of a stream many times larger than the heap, each in a
 * JVM limited to 64 MB ({@code -Xmx64m}), from a pipe and to a pipe. The stream is a real clip
 * played over and over with continuous clocks and continuity counters, generated on the fly. CI
 * pushes 1 GiB ({@code splitcast.memtest.bytes}); the 4 GB run is {@code mvn -f
 * stream-separation/pom.xml verify -Dtest=ConstantMemoryTest -Dsplitcast.memtest.bytes=4294967296}.
 */
class ConstantMemoryTest {

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx64m");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-cp");
        cmd.add(System.getProperty("splitcast.test.classes", "target/classes"));
        cmd.add("org.splitcast.separation.cli.SeparateCommand");
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void streamFarLargerThanTheHeapSeparatesAndRebuildsIn64Megabytes() throws Exception {
        long total = Long.getLong("splitcast.memtest.bytes", 1L << 30);
        byte[] clip = Files.readAllBytes(Media.clip(Media.Clip.H264_AAC));
        Path dir = RoundTripTest.work("memory");
        Path main = dir.resolve("main.ts");
        Path comp = dir.resolve("main.scci");
        Path err = dir.resolve("stderr.txt");
        try {
            long t0 = System.nanoTime();
            Process separate = new ProcessBuilder(java("separate", "--quiet", "-", main.toString(), comp.toString()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile())
                    .start();
            AtomicReference<IOException> feedError = new AtomicReference<>();
            Thread feeder = new Thread(() -> {
                try (OutputStream to = separate.getOutputStream();
                        InputStream from = new LoopingTsInputStream(clip, total)) {
                    from.transferTo(to);
                } catch (IOException e) {
                    feedError.set(e);
                }
            });
            feeder.start();
            if (!separate.waitFor(10, TimeUnit.MINUTES)) {
                separate.destroyForcibly();
                fail("separation did not finish");
            }
            feeder.join();
            assertEquals(0, separate.exitValue(), "separation in 64 MB: " + Files.readString(err));
            assertEquals(null, feedError.get());
            double separateSeconds = (System.nanoTime() - t0) / 1e9;
            assertEquals(total - total % 188, Files.size(main));
            assertTrue(Files.size(comp) < 0.025 * total, "complementary " + Files.size(comp));

            long t1 = System.nanoTime();
            Process rebuild = new ProcessBuilder(java("rebuild", "--quiet", main.toString(), comp.toString(), "-"))
                    .redirectError(err.toFile())
                    .start();
            long compared = 0;
            try (InputStream rebuilt = rebuild.getInputStream();
                    InputStream expected = new LoopingTsInputStream(clip, total)) {
                byte[] a = new byte[1 << 16];
                byte[] b = new byte[1 << 16];
                int n;
                while ((n = rebuilt.readNBytes(a, 0, a.length)) > 0) {
                    int m = expected.readNBytes(b, 0, n);
                    if (m != n || !java.util.Arrays.equals(a, 0, n, b, 0, n)) {
                        fail("rebuilt stream differs from the original near byte " + compared);
                    }
                    compared += n;
                }
                assertEquals(-1, expected.read(), "rebuilt stream is shorter than the original");
            }
            assertTrue(rebuild.waitFor(10, TimeUnit.MINUTES));
            assertEquals(0, rebuild.exitValue(), "rebuild in 64 MB: " + Files.readString(err));
            double rebuildSeconds = (System.nanoTime() - t1) / 1e9;
            assertEquals(total - total % 188, compared);
            System.out.printf(
                    Locale.ROOT,
                    "constant memory: %d MiB separated in %.1f s and rebuilt in %.1f s, each JVM with -Xmx64m%n",
                    total >> 20,
                    separateSeconds,
                    rebuildSeconds);
        } finally {
            Files.deleteIfExists(main);
            Files.deleteIfExists(comp);
        }
    }

    static String classpath() {
        return System.getProperty("splitcast.test.classes", "target" + File.separator + "classes");
    }
}
