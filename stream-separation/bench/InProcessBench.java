import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.splitcast.separation.SeparationOptions;
import org.splitcast.separation.StreamRebuilder;
import org.splitcast.separation.StreamSeparator;
import org.splitcast.separation.complementary.ComplementaryWriter;

/**
 * Steady-state throughput of separation and rebuild, in process, from memory to memory (no file
 * I/O, no JVM start, JIT warmed up): the best of ROUNDS runs over the first MIB mebibytes of a
 * file. Run from the module directory after 'mvn package':
 *
 *   java -Xmx4g -cp target/splitcast-stream-separation-*.jar bench/InProcessBench.java FILE [MIB] [ROUNDS]
 *
 * Prints one line: "separate N MB/s (one thread: M MB/s), rebuild R MB/s".
 */
public class InProcessBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int mib = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        byte[] data;
        try (var in = Files.newInputStream(file)) {
            data = in.readNBytes((int) Math.min(Files.size(file), (long) mib << 20));
        }
        data = Arrays.copyOf(data, data.length - data.length % 188);
        ExecutorService hasher = Executors.newSingleThreadExecutor();
        double pipelined = 0;
        double single = 0;
        double rebuild = 0;
        byte[] main = null;
        byte[] comp = null;
        for (int r = 0; r < rounds; r++) {
            for (boolean withExecutor : new boolean[] {true, false}) {
                ByteArrayOutputStream m = new ByteArrayOutputStream(data.length + 1024);
                ByteArrayOutputStream c = new ByteArrayOutputStream(data.length / 40);
                SeparationOptions options = SeparationOptions.builder()
                        .secret(new byte[32])
                        .executor(withExecutor ? hasher : null)
                        .build();
                long t = System.nanoTime();
                new StreamSeparator(options).separate(new ByteArrayInputStream(data), m, ComplementaryWriter.toStream(c));
                double mbs = data.length / 1e6 / ((System.nanoTime() - t) / 1e9);
                if (withExecutor) {
                    pipelined = Math.max(pipelined, mbs);
                    main = m.toByteArray();
                    comp = c.toByteArray();
                } else {
                    single = Math.max(single, mbs);
                }
            }
            long t = System.nanoTime();
            new StreamRebuilder().rebuild(new ByteArrayInputStream(main), new ByteArrayInputStream(comp), OutputStream.nullOutputStream());
            rebuild = Math.max(rebuild, data.length / 1e6 / ((System.nanoTime() - t) / 1e9));
        }
        hasher.shutdown();
        System.out.printf("separate %.0f MB/s (one thread: %.0f MB/s), rebuild %.0f MB/s%n", pipelined, single, rebuild);
    }
}
