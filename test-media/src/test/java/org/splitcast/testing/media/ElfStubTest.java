package org.splitcast.testing.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfStubTest {

    @Test
    void elfHashMatchesTheSystemVExamples() {
        // values the linker writes for these version names (readelf -V of libavdevice and libc)
        assertEquals(0, ElfStub.elfHash(""));
        assertEquals(0x09691a75, ElfStub.elfHash("GLIBC_2.2.5"));
    }

    @Test
    void theBundledLibrariesNeedsAreReadAndAStubDefinesThem(@TempDir Path dir) throws Exception {
        Path home = BundledFfmpeg.install(dir.resolve("cache"));
        ElfStub.Needs needs = ElfStub.requirements(home.resolve("lib").resolve(avdevice(home)));
        assertEquals(62, needs.machine(), "x86-64");
        assertTrue(
                needs.versions().stream()
                        .anyMatch(r ->
                                r.file().equals("libpulse.so.0") && r.version().equals("PULSE_0")),
                needs.versions().toString());
        ElfStub.Requirement pulse = needs.versions().stream()
                .filter(r -> r.version().equals("PULSE_0"))
                .findFirst()
                .orElseThrow();
        assertEquals(pulse.hash(), ElfStub.elfHash("PULSE_0"), "our hash is the linker's");

        Path stub = dir.resolve("libexample.so.3");
        ElfStub.write(stub, "libexample.so.3", new LinkedHashSet<>(List.of("EX_1", "EX_2")), 62);
        assertEquals(List.of("libexample.so.3", "libexample.so.3", "EX_1", "EX_2"), ElfStub.definedVersions(stub));
    }

    /**
     * Stand-ins for every system library libavdevice needs, put first on the library path: the
     * loader takes them (not the machine's own, if it has them) and ffmpeg runs. This is what a
     * machine without PulseAudio, ALSA or XCB gets.
     */
    @Test
    void theLoaderAcceptsStandInsForTheCaptureDeviceLibraries(@TempDir Path dir) throws Exception {
        Path lib = BundledFfmpeg.install(dir.resolve("cache")).resolve("lib");
        Path stubs = java.nio.file.Files.createDirectories(dir.resolve("stubs"));
        ElfStub.Needs needs = ElfStub.requirements(lib.resolve(avdevice(lib.getParent())));
        List<String> system = List.of("libpulse.so.0", "libasound.so.2", "libxcb.so.1", "libxcb-shm.so.0");
        for (String soname : system) {
            java.util.Set<String> versions = new LinkedHashSet<>();
            needs.versions().stream().filter(r -> r.file().equals(soname)).forEach(r -> versions.add(r.version()));
            ElfStub.write(stubs.resolve(soname), soname, versions, needs.machine());
        }
        java.util.Map<String, String> env = java.util.Map.of("LD_LIBRARY_PATH", stubs + ":" + lib);
        CommandResult run = Commands.run(
                List.of(lib.resolve("ffmpeg").toString(), "-hide_banner", "-version"),
                env,
                java.time.Duration.ofMinutes(1));
        assertEquals(0, run.exit(), run.toString());
        // the loader's own account of what it mapped (what ldd prints)
        java.util.Map<String, String> trace = new java.util.HashMap<>(env);
        trace.put("LD_TRACE_LOADED_OBJECTS", "1");
        String loaded = Commands.run(List.of(lib.resolve("ffmpeg").toString()), trace, java.time.Duration.ofMinutes(1))
                .requireSuccess("tracing the loader")
                .stdout();
        for (String soname : system) {
            assertTrue(loaded.contains(soname + " => " + stubs.resolve(soname)), soname + " in\n" + loaded);
        }
    }

    private static String avdevice(Path home) throws Exception {
        try (var files = java.nio.file.Files.list(home.resolve("lib"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("libavdevice.so"))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
