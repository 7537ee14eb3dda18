package org.splitcast.testing.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's ffmpeg, extracted whatever is on the PATH: the route of a machine without ffmpeg. */
class BundledFfmpegTest {

    @Test
    void twoExtractionsAtOnceLeaveOneCompleteCopy(@TempDir Path cache) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Path> install = () -> BundledFfmpeg.install(cache);
            Future<Path> a = pool.submit(install);
            Future<Path> b = pool.submit(install);
            Path home = a.get();
            assertEquals(home, b.get());
            assertTrue(home.getFileName().toString().endsWith("-linux-x86_64-gpl"), home.toString());
            try (Stream<Path> left = Files.list(cache)) {
                assertEquals(List.of(home), left.toList(), "no temporary folder is left");
            }
            for (String tool : List.of("ffmpeg", "ffprobe")) {
                CommandResult r = Commands.run(
                        List.of(home.resolve("bin").resolve(tool).toString(), "-version"), Duration.ofSeconds(60));
                assertEquals(0, r.exit(), r.toString());
                assertTrue(r.stdout().startsWith(tool + " version"), r.stdout());
            }
            // a second call finds the copy and extracts nothing
            long modified = Files.getLastModifiedTime(home).toMillis();
            assertEquals(home, BundledFfmpeg.install(cache));
            assertEquals(modified, Files.getLastModifiedTime(home).toMillis());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theBundledBuildHasTheEncodersTheTestsUse(@TempDir Path cache) throws Exception {
        Path ffmpeg = BundledFfmpeg.install(cache).resolve("bin/ffmpeg");
        String encoders = Commands.run(List.of(ffmpeg.toString(), "-hide_banner", "-encoders"), Duration.ofSeconds(60))
                .requireSuccess("ffmpeg -encoders")
                .stdout();
        for (String e : FfmpegTest.ENCODERS) {
            assertTrue(encoders.contains(" " + e + " "), e + " in\n" + encoders);
        }
    }
}
