package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.post;
import static org.splitcast.it.support.Api.put;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.edge.testing.ConnectionCutter;
import org.splitcast.edge.testing.EdgeProcess;
import org.splitcast.edge.testing.LiveTerminal;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Media;
import org.splitcast.license.format.TerminalSecret;
import org.splitcast.multicast.auth.Challenge;
import org.splitcast.multicast.auth.SessionProof;
import org.splitcast.multicast.keys.LiveVerifier;
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
 * none; a terminal whose connection to its edge drops, and the terminals of an edge killed
 * mid-stream and restarted, resume after their last frame without losing a chunk; bad session
 * requests are clear problems while the group goes on. The edge and terminal helpers are edge-node's
 * test jar (org.splitcast.edge.testing), shared with its LiveEndToEndTest.
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
    static EdgeProcess edgeA;
    static EdgeProcess edgeB;
    /** Between the renewing terminal and edge A, to drop its connection. */
    static ConnectionCutter cutter;

    static final long STARTED = System.nanoTime();

    /** A terminal of the live subscriber, registered with a fresh KT, for the channel's content. */
    static LiveTerminal terminal() {
        Licensing.SymmetricTerminal t = Licensing.symmetricTerminal(subscriber.id());
        return new LiveTerminal(t.id(), t.kt(), URI.create(Api.BASE), content, verifier, CRYPTO, original);
    }

    /** Renews 4 s before SK lapses (if it prolongs); rides out an edge restart. */
    static LiveClient.Options options(boolean prolong) {
        return LiveTerminal.options(prolong, Duration.ofSeconds(4), Duration.ofSeconds(150));
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

        edgeA = EdgeProcess.start(
                "a",
                EdgeProcess.testClassPath(),
                liveDir.resolve("cluster/edge-1.properties"),
                liveDir.resolve("live.key"),
                null,
                EDGE_A_PORT);
        edgeB = EdgeProcess.start(
                "b",
                EdgeProcess.testClassPath(),
                liveDir.resolve("cluster/edge-2.properties"),
                liveDir.resolve("live.key"),
                null,
                EDGE_B_PORT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cutter != null) {
            cutter.close();
        }
        for (EdgeProcess e : new EdgeProcess[] {edgeA, edgeB}) {
            if (e != null) {
                e.close();
            }
        }
        if (group != null) {
            Api.delete(Credentials.OPERATOR, "/api/live/groups/" + group);
        }
        System.out.printf(
                "LiveMulticastIT: %d s in all%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - STARTED));
    }

    static JsonObject metrics() {
        return Api.get(Credentials.OPERATOR, "/api/live/groups/" + group + "/metrics")
                .expect(200)
                .json();
    }

    /** The bytes an edge received of the group (0 when it never subscribed to it). */
    static long edgeBytesReceived(EdgeProcess edge) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(edge.metrics()))) {
            JsonObject received = reader.readObject().getJsonObject("bytesReceived");
            return received.containsKey(group) ? received.getJsonNumber(group).longValue() : 0;
        }
    }

    /** The terminals reading an edge now (-1 when it does not answer). */
    static int edgeReaders(EdgeProcess edge) {
        try (JsonReader reader = Json.createReader(new StringReader(edge.metrics()))) {
            return reader.readObject().getInt("readers");
        } catch (IOException e) {
            return -1;
        }
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
        assertEquals(0, edgeBytesReceived(edgeA), "edge A has received nothing of the group");
        assertEquals(0, edgeBytesReceived(edgeB), "edge B has received nothing of the group");

        LiveTerminal renewing = terminal();
        LiveTerminal lapsing = terminal();
        LiveTerminal revoked = terminal();
        cutter = new ConnectionCutter(edgeA.uri());
        renewing.start(cutter.uri(), options(true));
        revoked.start(edgeA.uri(), options(true));
        lapsing.start(edgeB.uri(), options(false));
        for (LiveTerminal t : List.of(renewing, lapsing, revoked)) {
            assertTrue(
                    until(Duration.ofSeconds(60), () -> t.chunks.size() >= 3),
                    t.describe() + " metrics " + metrics() + "\nedge A:\n" + edgeA.log() + "\nedge B:\n" + edgeB.log());
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

        // a terminal whose connection to its edge drops resumes after its last frame
        connectionDropped(renewing);

        // edge A killed mid-stream (SIGKILL) and restarted with the same edge-1.properties and port
        edgeRestarted(List.of(renewing, revoked));

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
        assertTrue(
                renewing.client().renewals.get() >= 2,
                "renewals: " + renewing.client().renewals.get());
        assertEquals(0, renewing.client().gaps.get(), "gaps");
        renewing.client().close();
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
                renewing.client().renewals.get());

        // the departed terminals keep their old keys and try every later chunk
        int a = revoked.assertLockedOut(group, renewing.frames);
        int b = lapsing.assertLockedOut(group, renewing.frames);
        System.out.printf("LiveMulticastIT: later chunks tried with kept keys: revoked %d, lapsed %d%n", a, b);

        // the sessions of the departed terminals are over on the server too
        assertEquals(
                404,
                Api.get(
                                Credentials.NONE,
                                "/api/sessions/" + lapsing.client().grant().sessionId() + "/keys?terminalId="
                                        + lapsing.id())
                        .status());
    }

    /**
     * The renewing terminal reads edge A through the cutter: its HTTP connection is dropped
     * mid-stream (the edge stays up); it reconnects with {@code after=} its last frame and resumes
     * without a gap (the edge's catch-up window).
     */
    void connectionDropped(LiveTerminal t) throws Exception {
        assertEquals(0, t.client().reconnects.get(), "reconnects before the drop: " + t.describe());
        // a renewal also reconnects (on purpose, with the new ticket, not counted as a reconnect):
        // a drop that falls on one goes unnoticed, so drop again (at most three times) until the
        // terminal has seen its connection break
        int connections = cutter.accepted();
        int before = t.chunks.size();
        int dropped = 0;
        for (int attempt = 0; attempt < 3 && t.client().reconnects.get() == 0; attempt++) {
            assertTrue(
                    until(Duration.ofSeconds(20), () -> cutter.openConnections() > 0),
                    "the terminal reads edge A through the cutter: " + t.describe());
            dropped += cutter.cut();
            until(Duration.ofSeconds(15), () -> t.client().reconnects.get() >= 1);
        }
        assertTrue(dropped >= 1, "connections dropped: " + dropped);
        assertTrue(
                until(Duration.ofSeconds(60), () -> t.client().reconnects.get() >= 1 && t.chunks.size() >= before + 3),
                "the terminal resumes after its connection dropped: " + t.describe() + ", renewals "
                        + t.client().renewals.get() + ", connections " + cutter.accepted());
        assertTrue(cutter.accepted() > connections, "the terminal opened a new connection to its edge");
        assertEquals(0, t.client().gaps.get(), "gaps after the drop");
        System.out.printf(
                "LiveMulticastIT: %d connection(s) dropped after chunk %d; %d reconnect(s), 0 gaps, %d chunks since%n",
                dropped, t.chunks.get(before - 1)[0], t.client().reconnects.get(), t.chunks.size() - before);
    }

    /**
     * Edge A dies by SIGKILL mid-stream and comes back with the same edge-1.properties and HTTP
     * port; its terminals reconnect to it, the restarted edge subscribes to the group again (the
     * publisher replays what it missed from its buffer) and every terminal resumes after its last
     * frame without a gap.
     */
    void edgeRestarted(List<LiveTerminal> terminals) throws Exception {
        int[] warned = terminals.stream().mapToInt(t -> t.warnings.size()).toArray();
        int[] before = terminals.stream().mapToInt(t -> t.chunks.size()).toArray();
        assertTrue(edgeBytesReceived(edgeA) > 0, "edge A relays the group before the kill");
        long killedAt = System.nanoTime();
        edgeA.kill();
        assertFalse(edgeA.isAlive(), "edge A killed");
        int afterKill = terminals.stream().mapToInt(t -> t.chunks.size()).sum();
        edgeA = edgeA.restart();
        long restartMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        for (int i = 0; i < terminals.size(); i++) {
            LiveTerminal t = terminals.get(i);
            int b = before[i];
            assertTrue(
                    until(Duration.ofSeconds(120), () -> t.chunks.size() >= b + 6),
                    t.id() + " resumes after the edge restart (restarted in " + restartMs + " ms): " + t.describe()
                            + "\nrestarted edge:\n" + edgeA.log());
            // it saw its edge go (a stream that broke, or an edge that refused to connect); the
            // reconnects counter alone would miss a kill that falls on a renewal's reconnection
            assertTrue(t.warnings.size() > warned[i], t.id() + " noticed the edge going: " + t.describe());
            assertEquals(0, t.client().gaps.get(), t.id() + ": gaps across the edge restart");
        }
        // the new edge process (its counters start at 0) has both terminals as readers, subscribed
        // again and relayed the group
        assertTrue(
                until(Duration.ofSeconds(20), () -> edgeReaders(edgeA) == terminals.size()),
                "readers of the restarted edge: " + edgeA.metrics());
        long received = edgeBytesReceived(edgeA);
        assertTrue(received > 0, "the restarted edge received the group: " + edgeA.metrics());
        JsonObject edgeMetrics;
        try (JsonReader reader = Json.createReader(new StringReader(edgeA.metrics()))) {
            edgeMetrics = reader.readObject();
        }
        long framesSent = edgeMetrics.getJsonNumber("framesSent").longValue();
        int chunksSince = terminals.stream().mapToInt(t -> t.chunks.size()).sum() - afterKill;
        assertTrue(
                framesSent >= chunksSince,
                "the restarted edge sent " + framesSent + " frames for " + chunksSince
                        + " chunks written since the kill");
        assertTrue(metrics().getInt("subscribedEdges") >= 1, metrics().toString());
        System.out.printf(
                "LiveMulticastIT: edge A killed and restarted in %d ms; since then it received %d bytes of the"
                        + " group and sent %d frames; the terminals wrote %d chunks, 0 gaps (reconnects %s)%n",
                restartMs,
                received,
                framesSent,
                chunksSince,
                terminals.stream()
                        .map(t -> t.id() + "=" + t.client().reconnects.get())
                        .toList());
    }

    /**
     * {@code POST /api/sessions/{id}/renew} as documented (the SDK's renewals above use it too): its
     * own session renewed with a new SK, another terminal's refused as a problem document, the old
     * {@code /renewal} alias gone from the server and from {@code /openapi}.
     */
    void renewOverRest(String terminalId, SessionGrant grant, TerminalSecret own, String victimSession)
            throws Exception {
        HttpCentralClient api = new HttpCentralClient(URI.create(Api.BASE), Duration.ofSeconds(15));
        SessionProof proofs = new SessionProof(CRYPTO);
        String body = "{\"terminalId\": \"%s\", \"challengeId\": \"%s\", \"proof\": \"%s\"}";

        Challenge c = api.challenge(terminalId);
        Api.Reply renewed = post(
                Credentials.NONE,
                "/api/sessions/" + grant.sessionId() + "/renew",
                body.formatted(terminalId, c.challengeId(), proofs.prove(c, content, own)));
        assertEquals(200, renewed.status(), renewed.body());
        assertEquals("no-store", renewed.header("Cache-Control"));
        JsonObject g = renewed.json();
        assertEquals(grant.sessionId(), g.getString("sessionId"), "the same session, renewed");
        assertEquals(terminalId, g.getString("terminalId"));
        JsonValue oldSk;
        try (JsonReader r = Json.createReader(new StringReader(grant.wrappedSessionKey()))) {
            oldSk = r.readValue();
        }
        assertTrue(g.containsKey("sk"), g.toString());
        assertFalse(g.get("sk").equals(oldSk), "a new SK, wrapped anew");
        assertFalse(
                java.time.Instant.parse(g.getString("expiresAt")).isBefore(grant.expiresAt()),
                "the renewal does not shorten the session");

        Challenge c2 = api.challenge(terminalId);
        Api.Reply refused = post(
                Credentials.NONE,
                "/api/sessions/" + victimSession + "/renew",
                body.formatted(terminalId, c2.challengeId(), proofs.prove(c2, content, own)));
        assertEquals(403, refused.status(), refused.body());
        assertTrue(
                refused.header("Content-Type").startsWith("application/problem+json"), refused.header("Content-Type"));
        assertTrue(refused.body().contains("\"code\":\"not-your-session\""), refused.body());
        Api.assertNoStackTrace(refused.body());

        Challenge c3 = api.challenge(terminalId);
        Api.Reply alias = post(
                Credentials.NONE,
                "/api/sessions/" + grant.sessionId() + "/renewal",
                body.formatted(terminalId, c3.challengeId(), proofs.prove(c3, content, own)));
        assertEquals(404, alias.status(), "the /renewal alias is gone: " + alias.body());

        JsonObject paths = Api.send("GET", Credentials.NONE, "/openapi?format=JSON", null, null)
                .expect(200)
                .json()
                .getJsonObject("paths");
        List<String> renewPaths = paths.keySet().stream()
                .filter(k -> k.startsWith("/api/sessions/") && k.contains("/renew"))
                .toList();
        assertEquals(List.of("/api/sessions/{sessionId}/renew"), renewPaths, "one documented renewal operation");
        assertTrue(paths.getJsonObject("/api/sessions/{sessionId}/renew").containsKey("post"), paths.toString());
    }

    /** Wrong proof, replayed challenge, content not entitled, renewal of another's session. */
    void badRequests(LiveTerminal victim) throws Exception {
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

        String victimSession = victim.client().grant().sessionId();
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

        renewOverRest(intruder.id(), grant, own, victimSession);

        // the intruder leaves; the group goes on for everyone else
        Challenge c5 = api.challenge(intruder.id());
        api.leave(grant.sessionId(), intruder.id(), c5.challengeId(), proofs.prove(c5, content, own));
        int before = victim.chunks.size();
        assertTrue(until(Duration.ofSeconds(30), () -> victim.chunks.size() >= before + 3), "the group goes on");
    }
}
