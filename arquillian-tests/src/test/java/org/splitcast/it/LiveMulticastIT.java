package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.post;
import static org.splitcast.it.support.Api.put;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Media;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.auth.Challenge;
import org.splitcast.multicast.auth.SessionProof;
import org.splitcast.multicast.chunk.ChunkAad;
import org.splitcast.multicast.chunk.ChunkSealer;
import org.splitcast.multicast.chunk.DeflateAesGcmChunkSealer;
import org.splitcast.multicast.keys.KeyMessage;
import org.splitcast.multicast.keys.KeyRing;
import org.splitcast.multicast.keys.LiveVerifier;
import org.splitcast.multicast.relay.LiveFrame;
import org.splitcast.multicast.session.SessionGrant;
import org.splitcast.multicast.terminal.HttpCentralClient;
import org.splitcast.multicast.terminal.LiveApiException;
import org.splitcast.multicast.terminal.LiveClient;

/**
 * Live secure multicast against the real server (claims 2, 3, 5 to 9; docs/live.md): the central
 * server in WildFly (its LiveChannels publisher on the JGroups TCP stack, on loopback, with the
 * development cluster credentials it made in its data folder), two edge nodes in their own JVMs
 * (started as bin/splitcast-edge starts them) and three terminals (the live client of the terminal
 * SDK, in this JVM) on one live channel replaying an ingested clip at twice its rate. Each
 * terminal's output is byte-identical to the matching range of the original; a member that does
 * not renew and a revoked one cannot open a single later chunk with the keys they kept; a group
 * without a key holder gets no chunk sealed or sent, an edge without terminals for it receives
 * none; bad session requests are clear problems while the group goes on.
 */
class LiveMulticastIT extends DeployedEar {

    static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    static final int OFFSET = Integer.getInteger("it.port.offset", 100);
    /** Edge HTTP ports: inside this run's range (20000 + 10 x offset ...). */
    static final int EDGE_A_PORT = 20_001 + 10 * OFFSET;

    static final int EDGE_B_PORT = 20_002 + 10 * OFFSET;

    static String group;
    static String content;
    static byte[] original;
    static Licensing.Subscriber subscriber;
    static LiveVerifier verifier;
    static Edge edgeA;
    static Edge edgeB;
    static final long STARTED = System.nanoTime();

    /** An edge node in its own JVM. */
    record Edge(Process process, URI uri, StringBuilder log) {
        String output() {
            synchronized (log) {
                return log.toString();
            }
        }
    }

    /** A terminal under test: its client, what it wrote and what it saw. */
    static final class Term {
        final Licensing.SymmetricTerminal terminal;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<long[]> chunks = new CopyOnWriteArrayList<>(); // {chunkSeq, mainOffset, length}
        final List<LiveFrame> frames = new CopyOnWriteArrayList<>();
        final List<String> warnings = new CopyOnWriteArrayList<>();
        final CompletableFuture<Object> ended = new CompletableFuture<>();
        LiveClient client;

        Term(Licensing.SymmetricTerminal terminal) {
            this.terminal = terminal;
        }

        String id() {
            return terminal.id();
        }

        void start(URI edge, boolean prolong) {
            client = new LiveClient(
                    new HttpCentralClient(URI.create(Api.BASE), Duration.ofSeconds(15)),
                    edge,
                    terminal.id(),
                    new TerminalSecret.Symmetric(terminal.kt().clone()),
                    content,
                    new DeflateAesGcmChunkSealer(CRYPTO),
                    verifier,
                    out,
                    LiveClient.Options.defaults()
                            .withProlong(prolong)
                            .withRenewMargin(Duration.ofSeconds(4))
                            .withReconnectFor(Duration.ofSeconds(60)),
                    CRYPTO,
                    Clock.systemUTC(),
                    new LiveClient.Listener() {
                        @Override
                        public void frame(LiveFrame frame) {
                            frames.add(frame);
                        }

                        @Override
                        public void chunkWritten(long chunkSeq, long mainOffset, int length) {
                            chunks.add(new long[] {chunkSeq, mainOffset, length});
                        }

                        @Override
                        public void warning(String message) {
                            warnings.add(message);
                        }
                    });
            Thread t = new Thread(
                    () -> {
                        try {
                            ended.complete(client.run());
                        } catch (Exception e) {
                            ended.complete(e);
                        }
                    },
                    "terminal-" + terminal.id());
            t.setDaemon(true);
            t.start();
        }

        /** The output equals the original ranges of the chunks written, in order, without a gap. */
        long assertLiveOutputIsTheOriginal() {
            assertTrue(chunks.size() >= 3, id() + " wrote " + chunks.size() + " chunks");
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int i = 0; i < chunks.size(); i++) {
                long[] c = chunks.get(i);
                if (i > 0) {
                    assertEquals(chunks.get(i - 1)[0] + 1, c[0], id() + ": chunk " + c[0] + " follows a gap");
                }
                expected.write(original, (int) c[1], (int) c[2]);
            }
            byte[] got = out.toByteArray();
            assertEquals(expected.size(), got.length, id() + " output length");
            assertTrue(Arrays.equals(expected.toByteArray(), got), id() + ": live output differs from the original");
            return got.length;
        }
    }

    @BeforeAll
    static void channel() throws Exception {
        Path clip = Media.clip(10);
        original = Files.readAllBytes(clip);
        content = Licensing.content(null);
        Media.ingest(content, clip);
        subscriber = Licensing.Subscriber.create("live");
        Licensing.entitle(subscriber.id(), content);

        // the publisher starts a second after deployment (a JGroups join): wait for its key
        String[] key = {null};
        assertTrue(
                until(Duration.ofSeconds(90), () -> {
                    Api.Reply r = Api.get(Credentials.NONE, "/api/live/verification-key");
                    key[0] = r.status() == 200 ? r.body().strip() : null;
                    return key[0] != null;
                }),
                "the live publisher starts");
        verifier = LiveVerifier.fromText(key[0], CRYPTO);
        Path liveDir = Path.of(System.getProperty("it.data.dir"), "live");
        assertEquals(key[0], Files.readString(liveDir.resolve("live.key")).strip(), "live.key for the edges");

        group = Api.unique("live");
        JsonObject opened = put(
                        Credentials.OPERATOR,
                        "/api/live/groups/" + group,
                        """
                        {"contentId": "%s", "keyPeriod": "PT3S", "sessionLifetime": "PT8S", "speed": 2.0,
                         "loop": true}"""
                                .formatted(content))
                .expect(200)
                .json();
        assertEquals(content, opened.getString("contentId"));
        assertEquals(0, opened.getInt("members"));

        edgeA = startEdge("a", liveDir.resolve("cluster/edge-1.properties"), liveDir.resolve("live.key"), EDGE_A_PORT);
        edgeB = startEdge("b", liveDir.resolve("cluster/edge-2.properties"), liveDir.resolve("live.key"), EDGE_B_PORT);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Edge e : new Edge[] {edgeA, edgeB}) {
            if (e != null) {
                e.process().destroy();
                if (!e.process().waitFor(10, TimeUnit.SECONDS)) {
                    e.process().destroyForcibly();
                }
            }
        }
        if (group != null) {
            Api.delete(Credentials.OPERATOR, "/api/live/groups/" + group);
        }
        System.out.printf(
                "LiveMulticastIT: %d s in all%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - STARTED));
    }

    static Edge startEdge(String name, Path properties, Path key, int port) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m",
                "-Djava.net.preferIPv4Stack=true",
                "-cp",
                cp.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                "org.splitcast.edge.EdgeNode",
                "--verification-key-file",
                key.toString(),
                "--jgroups-properties",
                properties.toString(),
                "--stack",
                "tcp",
                "--http",
                "127.0.0.1:" + port));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    int at = line.indexOf("splitcast-edge: listening on ");
                    if (at >= 0) {
                        ready.complete(URI.create(line.substring(at + 29).trim()));
                    }
                }
            } catch (IOException ignored) {
                // ended
            }
            ready.completeExceptionally(new IllegalStateException("edge " + name + " ended"));
        });
        pump.setDaemon(true);
        pump.start();
        try {
            return new Edge(process, ready.get(150, TimeUnit.SECONDS), log);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            synchronized (log) {
                throw new AssertionError("edge " + name + " did not start; its output:\n" + log, e);
            }
        }
    }

    static JsonObject metrics() {
        return Api.get(Credentials.OPERATOR, "/api/live/groups/" + group + "/metrics")
                .expect(200)
                .json();
    }

    static String edgeMetrics(Edge edge) throws Exception {
        return new String(
                edge.uri().resolve("/v1/metrics").toURL().openStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    static boolean until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return condition.getAsBoolean();
    }

    @Test
    void threeTerminalsTwoEdgesByteIdenticalRenewalLapseRevocationAndBadRequests() throws Exception {
        // claim 9: no key holder, no chunk sealed or sent; edges without terminals receive nothing
        assertTrue(until(
                Duration.ofSeconds(20),
                () -> metrics().getJsonNumber("chunksSkipped").longValue() >= 2));
        JsonObject idle = metrics();
        assertEquals(0, idle.getJsonNumber("chunksPublished").longValue(), "chunks published without members");
        assertEquals(0, idle.getJsonNumber("bytesSent").longValue(), "bytes sent without members");
        assertEquals(0, idle.getInt("subscribedEdges"), "edges subscribed without terminals");
        assertFalse(edgeMetrics(edgeA).contains(group), "edge A has received nothing of the group");

        Term renewing = new Term(Licensing.symmetricTerminal(subscriber.id()));
        Term lapsing = new Term(Licensing.symmetricTerminal(subscriber.id()));
        Term revoked = new Term(Licensing.symmetricTerminal(subscriber.id()));
        renewing.start(edgeA.uri(), true);
        revoked.start(edgeA.uri(), true);
        lapsing.start(edgeB.uri(), false);
        for (Term t : List.of(renewing, lapsing, revoked)) {
            assertTrue(
                    until(Duration.ofSeconds(60), () -> t.chunks.size() >= 3),
                    t.id() + " plays: " + t.warnings + " ended " + t.ended.getNow(null) + " frames " + t.frames.size()
                            + " metrics " + metrics() + "\nedge A:\n" + edgeA.output() + "\nedge B:\n"
                            + edgeB.output());
        }
        JsonObject playing = metrics();
        assertEquals(3, playing.getInt("members"), playing.toString());
        assertEquals(2, playing.getInt("subscribedEdges"), playing.toString());
        assertTrue(playing.getJsonNumber("chunksPublished").longValue() >= 3, playing.toString());
        // the dashboard's list: [{group, contentId, members, bytesPerSecond, rekeys, keyPeriod}]
        String list =
                Api.get(Credentials.OPERATOR, "/api/live/groups").expect(200).body();
        JsonObject listed;
        try (JsonReader reader = Json.createReader(new StringReader(list))) {
            listed = reader.readArray().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(o -> o.getString("group").equals(group))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the group is listed: " + list));
        }
        assertEquals(Set.of("group", "contentId", "members", "bytesPerSecond", "rekeys", "keyPeriod"), listed.keySet());
        assertEquals(content, listed.getString("contentId"));
        assertEquals(3, listed.getInt("members"));
        assertEquals(403, Api.get(subscriber.credentials(), "/api/live/groups").status(), "not for subscribers");

        // bad requests, while the group plays
        badRequests(renewing);

        // revocation in the registry (observed after commit): out from the next key period
        post(Credentials.OPERATOR, "/api/subscribers/" + subscriber.id() + "/terminals/" + revoked.id() + "/revoke", "")
                .expect(200);
        Object revokedEnd = revoked.ended.get(40, TimeUnit.SECONDS);
        assertInstanceOf(LiveClient.SessionEndedException.class, revokedEnd, "revoked terminal: " + revokedEnd);

        // the member that does not renew lapses after 8 s; the group rekeys at once
        Object lapsedEnd = lapsing.ended.get(40, TimeUnit.SECONDS);
        assertInstanceOf(LiveClient.SessionEndedException.class, lapsedEnd, "lapsing terminal: " + lapsedEnd);

        // the renewing member goes on without a gap
        int before = renewing.chunks.size();
        assertTrue(
                until(Duration.ofSeconds(60), () -> renewing.chunks.size() >= before + 8),
                "the renewing terminal goes on: " + renewing.warnings + " " + renewing.ended.getNow(null));
        assertTrue(renewing.client.renewals.get() >= 2, "renewals: " + renewing.client.renewals.get());
        assertEquals(0, renewing.client.gaps.get(), "gaps");
        renewing.client.close();
        renewing.ended.get(20, TimeUnit.SECONDS);

        long bytes = renewing.assertLiveOutputIsTheOriginal()
                + lapsing.assertLiveOutputIsTheOriginal()
                + revoked.assertLiveOutputIsTheOriginal();
        System.out.printf(
                "LiveMulticastIT: %d bytes compared byte for byte (chunks: renewing %d, lapsing %d, revoked %d;"
                        + " renewals %d)%n",
                bytes,
                renewing.chunks.size(),
                lapsing.chunks.size(),
                revoked.chunks.size(),
                renewing.client.renewals.get());

        // the departed terminals keep their old keys and try every later chunk
        int a = assertLockedOut(revoked, renewing.frames, lastSeq(revoked));
        int b = assertLockedOut(lapsing, renewing.frames, lastSeq(lapsing));
        System.out.printf("LiveMulticastIT: later chunks tried with kept keys: revoked %d, lapsed %d%n", a, b);

        // the sessions of the departed terminals are over on the server too
        assertEquals(
                404,
                Api.get(
                                Credentials.NONE,
                                "/api/sessions/" + lapsing.client.grant().sessionId() + "/keys?terminalId="
                                        + lapsing.id())
                        .status());
    }

    /** Wrong proof, replayed challenge, content not entitled, renewal of another's session. */
    void badRequests(Term victim) throws Exception {
        HttpCentralClient api = new HttpCentralClient(URI.create(Api.BASE), Duration.ofSeconds(15));
        SessionProof proofs = new SessionProof(CRYPTO);
        Licensing.SymmetricTerminal intruder = Licensing.symmetricTerminal(subscriber.id());
        TerminalSecret own = new TerminalSecret.Symmetric(intruder.kt().clone());

        Challenge c1 = api.challenge(intruder.id());
        String wrong = proofs.prove(c1, content, new TerminalSecret.Symmetric(CRYPTO.randomBytes(32)));
        LiveApiException e1 = assertThrows(
                LiveApiException.class, () -> api.openSession(intruder.id(), content, c1.challengeId(), wrong));
        assertEquals(401, e1.status());
        assertEquals("bad-proof", e1.code());

        Challenge c2 = api.challenge(intruder.id());
        String good = proofs.prove(c2, content, own);
        SessionGrant grant = api.openSession(intruder.id(), content, c2.challengeId(), good);
        byte[] sk = grant.openSessionKey(own, CRYPTO);
        assertEquals(32, sk.length, "SK reaches the terminal wrapped for its key");
        LiveApiException e2 = assertThrows(
                LiveApiException.class, () -> api.openSession(intruder.id(), content, c2.challengeId(), good));
        assertEquals(401, e2.status());
        assertEquals("unknown-challenge", e2.code());

        String other = Licensing.content(null); // never bought by the subscriber
        Challenge c3 = api.challenge(intruder.id());
        LiveApiException e3 = assertThrows(
                LiveApiException.class,
                () -> api.openSession(intruder.id(), other, c3.challengeId(), proofs.prove(c3, other, own)));
        assertEquals(403, e3.status());
        assertEquals("not-entitled", e3.code());

        String victimSession = victim.client.grant().sessionId();
        Challenge c4 = api.challenge(intruder.id());
        LiveApiException e4 = assertThrows(
                LiveApiException.class,
                () -> api.renew(victimSession, intruder.id(), c4.challengeId(), proofs.prove(c4, content, own)));
        assertEquals(403, e4.status());
        assertEquals("not-your-session", e4.code());

        // a problem document, no stack trace
        Api.Reply raw = post(
                Credentials.NONE,
                "/api/sessions",
                """
                {"terminalId": "%s", "contentId": "%s", "challengeId": "nope", "proof": "HS256.AAAA"}"""
                        .formatted(intruder.id(), content));
        assertEquals(401, raw.status());
        assertTrue(raw.header("Content-Type").startsWith("application/problem+json"), raw.header("Content-Type"));
        assertTrue(raw.body().contains("\"code\":\"unknown-challenge\""), raw.body());
        assertTrue(
                String.valueOf(raw.header("WWW-Authenticate")).startsWith("Splitcast-Proof"), "401 names its scheme");
        Api.assertNoStackTrace(raw.body());

        // the intruder leaves; the group goes on for everyone else
        Challenge c5 = api.challenge(intruder.id());
        api.leave(grant.sessionId(), intruder.id(), c5.challengeId(), proofs.prove(c5, content, own));
        int before = victim.chunks.size();
        assertTrue(until(Duration.ofSeconds(30), () -> victim.chunks.size() >= before + 3), "the group goes on");
    }

    static long lastSeq(Term t) {
        return t.frames.stream()
                .filter(f -> f.type() == LiveFrame.Type.KEY || f.type() == LiveFrame.Type.CHUNK)
                .mapToLong(LiveFrame::seq)
                .max()
                .orElse(0);
    }

    /** Every chunk after {@code afterSeq} stays closed to the departed terminal's keys. */
    static int assertLockedOut(Term departed, List<LiveFrame> later, long afterSeq) throws Exception {
        KeyRing ring = departed.client.keyRing();
        ChunkSealer sealer = new DeflateAesGcmChunkSealer(CRYPTO);
        int tried = 0;
        for (LiveFrame f : later) {
            if (f.seq() <= afterSeq) {
                continue;
            }
            if (f.type() == LiveFrame.Type.KEY) {
                try {
                    ring.apply(KeyMessage.decode(f.payload(), verifier));
                } catch (Exception e) {
                    // a message it cannot use
                }
            } else if (f.type() == LiveFrame.Type.CHUNK) {
                tried++;
                assertNull(ring.trafficKey(f.tekPeriod()), departed.id() + " holds the key of a later period");
                for (long p = Math.max(1, ring.newestPeriod() - 3); p <= ring.newestPeriod(); p++) {
                    byte[] old = ring.trafficKey(p);
                    if (old != null) {
                        long period = p;
                        assertThrows(
                                ChunkSealer.SealedChunkException.class,
                                () -> sealer.open(
                                        old, new ChunkAad(group, "tek-" + period, f.chunkSeq()), f.payload()));
                        assertThrows(
                                ChunkSealer.SealedChunkException.class,
                                () -> sealer.open(
                                        old, new ChunkAad(group, "tek-" + f.tekPeriod(), f.chunkSeq()), f.payload()));
                    }
                }
            }
        }
        assertTrue(tried >= 5, departed.id() + ": only " + tried + " later chunks to try");
        return tried;
    }
}
