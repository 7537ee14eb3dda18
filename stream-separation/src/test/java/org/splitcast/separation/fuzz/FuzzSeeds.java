package org.splitcast.separation.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.splitcast.separation.testing.Media;

/**
 * Writes the committed seed inputs of the fuzz tests (run by hand when the seeds should change;
 * docs/fuzzing.md): from each test clip, its first PAT, its PMTs and the first packets of every
 * elementary stream, a few KB; the complementary information of each; a few random inputs for
 * the mutation-driven rebuild test.
 *
 * <pre>mvn -pl stream-separation exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.splitcast.separation.fuzz.FuzzSeeds</pre>
 */
public final class FuzzSeeds {

    /** Packets of each elementary stream kept in a seed. */
    private static final int PACKETS_PER_STREAM = 6;

    private FuzzSeeds() {}

    public static void main(String[] args) throws Exception {
        Path resources = Path.of(args.length > 0 ? args[0] : "src/test/resources/org/splitcast/separation/fuzz");
        Path ts = Files.createDirectories(resources.resolve("TransportStreamFuzzTestInputs/separateThenRebuild"));
        Path comp = Files.createDirectories(resources.resolve("ComplementaryReaderFuzzTestInputs/readAnyBytes"));
        Path forged =
                Files.createDirectories(resources.resolve("RebuildFuzzTestInputs/forgedComplementaryInformation"));
        for (Media.Clip clip : Media.Clip.values()) {
            byte[] all = Files.readAllBytes(Media.clip(clip));
            int size = clip == Media.Clip.H264_AC3_M2TS ? 192 : 188;
            byte[] seed = cut(all, size);
            String name = clip.name().toLowerCase(Locale.ROOT).replace('_', '-');
            Files.write(ts.resolve(name + ".ts"), seed);
            byte[] c = FuzzSupport.separate(seed).complementary();
            Files.write(comp.resolve(name + ".scci.checksums-repaired"), prefixed((byte) 1, c));
            Files.write(comp.resolve(name + ".scci.raw"), prefixed((byte) 0, c));
            System.out.printf(
                    "%s: %d bytes of TS, %d bytes of complementary information%n", name, seed.length, c.length);
        }
        Random random = new Random(1);
        for (int i = 0; i < 4; i++) {
            byte[] b = new byte[8 + 16 * i];
            random.nextBytes(b);
            Files.write(forged.resolve("random-" + i), b);
        }
    }

    private static byte[] prefixed(byte first, byte[] rest) {
        byte[] b = new byte[rest.length + 1];
        b[0] = first;
        System.arraycopy(rest, 0, b, 1, rest.length);
        return b;
    }

    /** The first PAT, the first packet of each PMT and the first packets of every other PID. */
    static byte[] cut(byte[] ts, int size) throws IOException {
        int sync = size - 188;
        Set<Integer> pmtPids = new HashSet<>();
        Map<Integer, Integer> kept = new HashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int p = 0; p + size <= ts.length; p += size) {
            int s = p + sync;
            int pid = ((ts[s + 1] & 0x1F) << 8) | (ts[s + 2] & 0xFF);
            int n = kept.getOrDefault(pid, 0);
            boolean keep;
            if (pid == 0) {
                keep = n == 0;
                if (keep) {
                    int section = s + 5 + (ts[s + 4] & 0xFF);
                    int length = ((ts[section + 1] & 0x0F) << 8) | (ts[section + 2] & 0xFF);
                    for (int i = section + 8; i < section + 3 + length - 4; i += 4) {
                        if (((ts[i] & 0xFF) << 8 | (ts[i + 1] & 0xFF)) != 0) {
                            pmtPids.add(((ts[i + 2] & 0x1F) << 8) | (ts[i + 3] & 0xFF));
                        }
                    }
                }
            } else if (pmtPids.contains(pid)) {
                keep = n == 0;
            } else {
                keep = pid != 0x1FFF && pid >= 0x20 && n < PACKETS_PER_STREAM && !pmtPids.isEmpty();
            }
            if (keep) {
                out.write(ts, p, size);
                kept.put(pid, n + 1);
            }
        }
        return out.toByteArray();
    }
}
