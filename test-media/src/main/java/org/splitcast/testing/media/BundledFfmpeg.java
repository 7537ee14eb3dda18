package org.splitcast.testing.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ffmpeg and ffprobe executables shipped in the {@code org.bytedeco:ffmpeg} jar (classifier
 * {@code linux-x86_64-gpl}) on the class path, extracted once into a cache folder.
 *
 * <p>Layout of the cache folder {@code <cache>/<version>-linux-x86_64-gpl/}: {@code lib/} holds the
 * jar's executables and shared libraries (its JNI wrappers {@code libjni*} are left out) plus any
 * {@linkplain ElfStub stand-in} for a system library the machine lacks; {@code bin/ffmpeg} and
 * {@code bin/ffprobe} are shell scripts that run them with {@code LD_LIBRARY_PATH} set to {@code
 * lib/} (the jar's libraries find each other only that way), so they can be run like any ffmpeg,
 * from Java or a shell, or linked into a folder on the PATH.
 *
 * <p>Concurrency: the folder is built under a unique temporary name beside its final name, checked
 * by running both tools, and then renamed in one atomic step, so it exists whole or not at all;
 * when two JVMs race, the second rename fails because the folder exists, and that JVM deletes its
 * own copy and uses the winner's.
 */
final class BundledFfmpeg {

    static final String CLASSIFIER = "linux-x86_64-gpl";
    private static final String RESOURCES = "org/bytedeco/ffmpeg/" + CLASSIFIER + "/";
    private static final String POM_PROPERTIES = "META-INF/maven/org.bytedeco/ffmpeg/pom.properties";
    private static final Pattern MISSING_LIBRARY =
            Pattern.compile("error while loading shared libraries: ([^:\\s]+): cannot open shared object file");
    private static final int MAX_STUBS = 16;

    private BundledFfmpeg() {}

    /** The default cache root: {@code $XDG_CACHE_HOME/splitcast/ffmpeg} or {@code ~/.cache/...}. */
    static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("splitcast").resolve("ffmpeg");
    }

    /** Whether this machine can run the bundled build (Linux on x86-64). */
    static boolean platformSupported() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT);
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /**
     * Returns the folder holding {@code bin/ffmpeg} and {@code bin/ffprobe}, extracting it first if
     * no complete copy is in {@code cacheRoot}.
     */
    static Path install(Path cacheRoot) throws IOException {
        if (!platformSupported()) {
            throw new IOException("the bundled ffmpeg is built for Linux on x86-64, this is "
                    + System.getProperty("os.name") + " on " + System.getProperty("os.arch")
                    + ": put ffmpeg and ffprobe on the PATH or set -D" + Ffmpeg.DIR_PROPERTY);
        }
        URL ffmpeg = BundledFfmpeg.class.getClassLoader().getResource(RESOURCES + "ffmpeg");
        if (ffmpeg == null) {
            throw new IOException("org.bytedeco:ffmpeg:" + CLASSIFIER + " is not on the class path: depend on"
                    + " splitcast-test-media (it brings it), put ffmpeg and ffprobe on the PATH, or set -D"
                    + Ffmpeg.DIR_PROPERTY);
        }
        URLConnection connection = ffmpeg.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            throw new IOException("the bundled ffmpeg must come from a jar, found " + ffmpeg);
        }
        jar.setUseCaches(false);
        try (JarFile file = jar.getJarFile()) {
            Path target = cacheRoot.resolve(version(file) + "-" + CLASSIFIER);
            if (Files.isRegularFile(target.resolve("bin/ffmpeg"))
                    && Files.isRegularFile(target.resolve("bin/ffprobe"))) {
                return target;
            }
            Files.createDirectories(cacheRoot);
            Path tmp = Files.createTempDirectory(cacheRoot, "." + target.getFileName() + ".tmp-");
            try {
                extract(file, tmp);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("cannot rename " + tmp + " to " + target + " atomically", e);
                } catch (FileSystemException e) {
                    // another JVM finished first (EEXIST or ENOTEMPTY): its copy is complete, ours goes
                    if (!Files.isRegularFile(target.resolve("bin/ffmpeg"))) {
                        throw e;
                    }
                }
            } finally {
                deleteTree(tmp);
            }
            return target;
        }
    }

    private static String version(JarFile file) throws IOException {
        JarEntry entry = file.getJarEntry(POM_PROPERTIES);
        if (entry == null) {
            throw new IOException(file.getName() + " has no " + POM_PROPERTIES);
        }
        Properties p = new Properties();
        try (InputStream in = file.getInputStream(entry)) {
            p.load(in);
        }
        String v = p.getProperty("version");
        if (v == null || !v.matches("[A-Za-z0-9._-]+")) {
            throw new IOException(file.getName() + ": unusable version " + v);
        }
        return v;
    }

    private static void extract(JarFile file, Path dir) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            JarEntry e = entries.nextElement();
            String name = e.getName();
            if (e.isDirectory() || !name.startsWith(RESOURCES)) {
                continue;
            }
            String simple = name.substring(RESOURCES.length());
            if (simple.contains("/") || simple.startsWith("libjni") || simple.isEmpty()) {
                continue;
            }
            try (InputStream in = file.getInputStream(e)) {
                Files.copy(in, lib.resolve(simple));
            }
        }
        for (String tool : List.of("ffmpeg", "ffprobe")) {
            Path exe = lib.resolve(tool);
            if (!Files.isRegularFile(exe)) {
                throw new IOException(file.getName() + " has no " + RESOURCES + tool);
            }
            Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path script = bin.resolve(tool);
            Files.writeString(
                    script,
                    "#!/bin/sh\n"
                            + "# " + tool + " from org.bytedeco:ffmpeg (" + CLASSIFIER
                            + "), extracted by splitcast-test-media.\n"
                            + "# Its shared libraries, and stand-ins for missing system ones, are in ../lib.\n"
                            + "lib=\"$(dirname \"$(readlink -f \"$0\")\")/../lib\"\n"
                            + "LD_LIBRARY_PATH=\"$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}\" exec \"$lib/" + tool
                            + "\" \"$@\"\n",
                    StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        addStubsForMissingLibraries(lib, bin);
    }

    /**
     * Runs both tools; while the loader reports a missing library, writes a stand-in for it and
     * tries again. Ends when both run, or with an error naming what is missing.
     */
    private static void addStubsForMissingLibraries(Path lib, Path bin) throws IOException {
        Set<String> stubbed = new TreeSet<>();
        for (int round = 0; ; round++) {
            String missing = null;
            for (String tool : List.of("ffmpeg", "ffprobe")) {
                CommandResult r = Commands.run(
                        List.of(bin.resolve(tool).toString(), "-hide_banner", "-version"),
                        Map.of(),
                        Duration.ofSeconds(60));
                if (r.succeeded()) {
                    continue;
                }
                Matcher m = MISSING_LIBRARY.matcher(r.stderr());
                if (!m.find()) {
                    throw new IOException("the bundled " + tool + " does not run: " + r);
                }
                missing = m.group(1);
                break;
            }
            if (missing == null) {
                if (!stubbed.isEmpty()) {
                    Files.writeString(
                            lib.resolve("STAND-INS.txt"),
                            "Stand-ins written by splitcast-test-media for system libraries this machine lacks"
                                    + " (only capture devices use them):\n" + String.join("\n", stubbed) + "\n",
                            StandardCharsets.UTF_8);
                }
                return;
            }
            if (stubbed.contains(missing)
                    || round >= MAX_STUBS
                    || !missing.matches("lib[A-Za-z0-9_.+-]+\\.so[.0-9]*")) {
                throw new IOException("the bundled ffmpeg needs " + missing + ", which this machine lacks"
                        + " (install it, or put ffmpeg and ffprobe on the PATH)");
            }
            writeStub(lib, missing);
            stubbed.add(missing);
        }
    }

    private static void writeStub(Path lib, String soname) throws IOException {
        Set<String> versions = new LinkedHashSet<>();
        int machine = -1;
        try (Stream<Path> files = Files.list(lib)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String n = f.getFileName().toString();
                if (!(n.equals("ffmpeg") || n.equals("ffprobe") || n.contains(".so"))) {
                    continue;
                }
                ElfStub.Needs needs = ElfStub.requirements(f);
                for (ElfStub.Requirement r : needs.versions()) {
                    if (r.file().equals(soname)) {
                        versions.add(r.version());
                        machine = needs.machine();
                    }
                }
                if (machine < 0) {
                    machine = needs.machine();
                }
            }
        }
        ElfStub.write(lib.resolve(soname), soname, versions, machine);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary folder is harmless; it never has the final name
        }
    }
}
