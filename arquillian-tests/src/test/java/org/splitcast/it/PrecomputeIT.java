package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.delete;
import static org.splitcast.it.support.Api.post;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.Subscriber;
import org.splitcast.it.support.Licensing.SymmetricTerminal;
import org.splitcast.it.support.Precompute;
import org.splitcast.it.support.Soap;
import org.splitcast.license.format.Nonces;

/**
 * The load-gated precompute timer (steps 112-126): an event puts a subscriber on the active list,
 * the next run under S1 stores the access blocks of their recommended contents and the license is
 * then a hit; over S1 the timer computes nothing; removing the terminal drops what was stored.
 */
class PrecomputeIT extends DeployedEar {

    private static final Duration RUN_WAIT = Duration.ofSeconds(90);

    @AfterEach
    void timerOffAgain() {
        Precompute.reset();
    }

    /**
     * A package of four contents; three viewers of the new subscriber's segment watched the first
     * two, so those two top the new subscriber's list (their segment's popular contents).
     */
    private record Catalogue(String packageId, List<String> contents) {
        static Catalogue withTwoPopular() {
            List<String> contents = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                contents.add(Licensing.content(null));
            }
            String packageId = Api.unique("pkg");
            post(
                            Credentials.OPERATOR,
                            "/api/packages",
                            """
                            {"id": "%s", "name": "Package %s", "contentIds": ["%s", "%s", "%s", "%s"]}"""
                                    .formatted(
                                            packageId,
                                            packageId,
                                            contents.get(0),
                                            contents.get(1),
                                            contents.get(2),
                                            contents.get(3)))
                    .expect(201);
            Catalogue catalogue = new Catalogue(packageId, contents);
            for (int v = 0; v < 3; v++) {
                Subscriber viewer = Subscriber.create("viewer");
                catalogue.entitle(viewer.id());
                SymmetricTerminal tv = Licensing.symmetricTerminal(viewer.id());
                for (String watched : contents.subList(0, 2)) {
                    post(
                                    Credentials.INTEGRATOR,
                                    "/api/licenses",
                                    Licensing.requestBody(
                                            watched, tv.id(), Nonces.generate(CryptoProvider.getDefault())))
                            .expect(200);
                }
            }
            return catalogue;
        }

        void entitle(String subscriberId) {
            post(
                            Credentials.INTEGRATOR,
                            "/api/subscribers/" + subscriberId + "/entitlements",
                            """
                            {"packageId": "%s"}""".formatted(packageId))
                    .expect(201);
        }
    }

    @Test
    void aNewTerminalEventLeadsTheNextRunUnderS1ToPrecomputeTheRecommendedContents() throws Exception {
        Catalogue catalogue = Catalogue.withTwoPopular();
        Subscriber newcomer = Subscriber.create("newcomer");
        catalogue.entitle(newcomer.id());
        Precompute.rebuildModel();
        // the newcomer is shown three of their four contents
        List<String> recommended = Precompute.recommended(newcomer.credentials(), newcomer.id(), 3);
        assertEquals(
                Set.copyOf(catalogue.contents().subList(0, 2)),
                Set.copyOf(recommended.subList(0, 2)),
                "the contents popular in the newcomer's segment come first: " + recommended);

        SymmetricTerminal tv = Licensing.symmetricTerminal(newcomer.id());
        JsonObject report = post(
                        Credentials.INTEGRATOR,
                        "/api/events",
                        """
                        {"newTerminals": ["%s"]}""".formatted(tv.id()))
                .expect(200)
                .json();
        assertEquals(1, report.getInt("activated"));
        assertTrue(Precompute.waiting().contains(newcomer.id()), "on the active list (step 112)");
        assertEquals(0, Licensing.storedFor(tv.id()), "nothing stored while the timer is off");

        // the timer on, far under S1: the first two of each list (FIRST_K, K = 2), and at least as
        // many as the subscriber was shown: here three
        Instant on = Instant.now();
        Precompute.settings(1_000_000, "PT5S", "FIRST_K", 2, 4);
        Precompute.await(
                RUN_WAIT,
                () -> "the newcomer still waits; runs: " + Precompute.runsSince(on),
                () -> !Precompute.waiting().contains(newcomer.id()));
        assertEquals(3, Licensing.storedFor(tv.id()), "one access block per content shown (K = 2 < 3 shown)");
        JsonObject run = Precompute.runsSince(on).stream()
                .filter(r -> r.getInt("computed") > 0)
                .findFirst()
                .orElseThrow();
        assertTrue(
                List.of("COMPLETED", "BUDGET_SPENT", "PERIOD_OVER").contains(run.getString("outcome")), run.toString());

        Api.Reply hit = post(
                newcomer.credentials(),
                "/api/licenses",
                Licensing.requestBody(
                        catalogue.contents().get(0), tv.id(), Nonces.generate(CryptoProvider.getDefault())));
        hit.expect(200);
        assertEquals("precomputed", hit.header("Splitcast-Access"), "step 146: served from the store");
        Api.Reply shownBeyondK = post(
                newcomer.credentials(),
                "/api/licenses",
                Licensing.requestBody(recommended.get(2), tv.id(), Nonces.generate(CryptoProvider.getDefault())));
        assertEquals("precomputed", shownBeyondK.expect(200).header("Splitcast-Access"), "shown, beyond K: a hit");
        String notShown = catalogue.contents().stream()
                .filter(c -> !recommended.contains(c))
                .findFirst()
                .orElseThrow();
        Api.Reply notSelected = post(
                newcomer.credentials(),
                "/api/licenses",
                Licensing.requestBody(notShown, tv.id(), Nonces.generate(CryptoProvider.getDefault())));
        assertEquals(
                "computed",
                notSelected.expect(200).header("Splitcast-Access"),
                "not shown, not in the first K: a miss");

        JsonObject status = Precompute.status();
        assertTrue(status.getJsonNumber("hits").longValue() >= 2);
        assertTrue(status.getJsonNumber("storeSize").longValue() >= 3);

        // removing the terminal drops its precomputed entries
        delete(newcomer.credentials(), "/api/subscribers/" + newcomer.id() + "/terminals/" + tv.id())
                .expect(204);
        assertEquals(0, Licensing.storedFor(tv.id()));
    }

    @Test
    void overS1TheTimerComputesNothingAndStartsAgainWhenTheLoadFalls() throws Exception {
        Catalogue catalogue = Catalogue.withTwoPopular();
        Subscriber busy = Subscriber.create("busy");
        catalogue.entitle(busy.id());
        Precompute.rebuildModel();

        // license requests a subscriber is refused (not entitled): cheap, and counted as load
        Subscriber prober = Subscriber.create("prober");
        SymmetricTerminal probe = Licensing.symmetricTerminal(prober.id());
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> load = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            load.add(pool.submit(() -> {
                while (loading.get()) {
                    post(
                                    prober.credentials(),
                                    "/api/licenses",
                                    Licensing.requestBody(
                                            catalogue.contents().get(0),
                                            probe.id(),
                                            Nonces.generate(CryptoProvider.getDefault())))
                            .expectProblem(403, "not-entitled");
                    sent.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            // S1 = 2 requests/s over a 5 s interval: the probes keep the load far over it
            Precompute.settings(2, "PT5S", "ALL", 4, 4);
            Precompute.await(
                    RUN_WAIT,
                    () -> "load still under S1: " + Precompute.status(),
                    () -> Precompute.status().getJsonNumber("workload").doubleValue() > 2);
            SymmetricTerminal tv = Licensing.symmetricTerminal(busy.id());
            Instant registered = Instant.now();
            Precompute.await(
                    RUN_WAIT,
                    () -> "fewer than 3 runs since the terminal came: " + Precompute.runsSince(registered),
                    () -> Precompute.runsSince(registered).size() >= 3);
            for (JsonObject run : Precompute.runsSince(registered)) {
                assertEquals("CLOSED", run.getString("outcome"), run.toString());
                assertEquals(0, run.getInt("computed"));
                assertTrue(run.getJsonNumber("workload").doubleValue() >= 2, run.toString());
            }
            assertEquals(0, Licensing.storedFor(tv.id()), "nothing computed over S1");
            assertTrue(Precompute.waiting().contains(busy.id()), "the subscriber still waits");
            assertFalse(Precompute.status().getBoolean("gateOpen"));

            // the load falls under S1: the next runs precompute what waited
            loading.set(false);
            for (Future<?> f : load) {
                f.get();
            }
            Precompute.await(
                    RUN_WAIT,
                    () -> "still nothing stored for " + tv.id() + "; runs: " + Precompute.runsSince(registered),
                    () -> Licensing.storedFor(tv.id()) == 4);
            assertTrue(sent.get() > 10, "the load was real: " + sent.get() + " requests");
        } finally {
            loading.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void aSubscriberARunCannotFinishWaitsBehindTheOthers() throws Exception {
        List<String> contents = List.of(Licensing.content(null), Licensing.content(null));
        // big: six terminals, twelve access blocks; small, on the list after big: one, two blocks
        Subscriber big = Subscriber.create("big");
        contents.forEach(c -> Licensing.entitle(big.id(), c));
        List<SymmetricTerminal> bigTerminals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bigTerminals.add(Licensing.symmetricTerminal(big.id()));
        }
        Subscriber small = Subscriber.create("small");
        contents.forEach(c -> Licensing.entitle(small.id(), c));
        SymmetricTerminal smallTv = Licensing.symmetricTerminal(small.id());
        Precompute.rebuildModel();
        assertEquals(Set.copyOf(contents), Set.copyOf(Precompute.recommended(Credentials.OPERATOR, small.id(), 2)));

        // four blocks a run: big needs three runs; stopped part-way, big waits behind small
        Instant on = Instant.now();
        Precompute.settings(1_000_000, "PT5S", "FIRST_K", 2, 2, 4);
        Precompute.await(
                RUN_WAIT,
                () -> "small still waits; runs: " + Precompute.runsSince(on),
                () -> Licensing.storedFor(smallTv.id()) == 2);
        long bigStored = 0;
        for (SymmetricTerminal tv : bigTerminals) {
            bigStored += Licensing.storedFor(tv.id());
        }
        assertTrue(bigStored < 12, "small was served before big was finished: " + bigStored + " of big's 12 blocks");
        Precompute.await(
                RUN_WAIT, () -> "big still waits; runs: " + Precompute.runsSince(on), () -> !Precompute.waiting()
                        .contains(big.id()));
        for (SymmetricTerminal tv : bigTerminals) {
            assertEquals(2, Licensing.storedFor(tv.id()), "big served in the end");
        }
    }

    @Test
    void removalEventsDropTheStoredAccessBlocksAndTakeTheSubscriberOffTheList() {
        Subscriber leaving = Subscriber.create("leaving");
        String content = Licensing.content(null);
        Licensing.entitle(leaving.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(leaving.id());
        Licensing.precompute(leaving.id(), content);
        assertEquals(1, Licensing.storedFor(tv.id()));
        assertTrue(Precompute.waiting().contains(leaving.id()));

        JsonObject report = post(
                        Credentials.INTEGRATOR,
                        "/api/events",
                        """
                        {"removedTerminals": ["%s"], "removedSubscribers": ["%s"]}"""
                                .formatted(tv.id(), leaving.id()))
                .expect(200)
                .json();

        assertEquals(1, report.getInt("accessBlocksDropped"), report.toString());
        assertEquals(1, report.getInt("deactivated"));
        assertEquals(0, Licensing.storedFor(tv.id()));
        assertFalse(Precompute.waiting().contains(leaving.id()));
    }

    @Test
    void aRemovedSubscriberStaysOffTheListUnlessTheyComeBackAfterwards() {
        String content = Licensing.content(null);
        Subscriber gone = Subscriber.create("gone");
        Subscriber back = Subscriber.create("back");
        SymmetricTerminal goneTv = Licensing.symmetricTerminal(gone.id());
        SymmetricTerminal backTv = Licensing.symmetricTerminal(back.id());
        Licensing.entitle(gone.id(), content);
        Licensing.entitle(back.id(), content);
        CryptoProvider crypto = CryptoProvider.getDefault();

        // gone: a license, then the removal; back: the removal, then a license
        post(gone.credentials(), "/api/licenses", Licensing.requestBody(content, goneTv.id(), Nonces.generate(crypto)))
                .expect(200);
        post(
                        Credentials.INTEGRATOR,
                        "/api/events",
                        "{\"removedSubscribers\": [\"%s\", \"%s\"]}".formatted(gone.id(), back.id()))
                .expect(200);
        post(back.credentials(), "/api/licenses", Licensing.requestBody(content, backTv.id(), Nonces.generate(crypto)))
                .expect(200);
        assertFalse(Precompute.waiting().contains(gone.id()));
        assertFalse(Precompute.waiting().contains(back.id()));

        // the timer sweeps the license history (S1 = 0: it sweeps, but precomputes nothing)
        Instant on = Instant.now();
        Precompute.settings(0, "PT5S", "FIRST_K", 1, 1);
        Precompute.await(
                RUN_WAIT,
                () -> back.id() + " not back on the list; runs: " + Precompute.runsSince(on),
                () -> Precompute.waiting().contains(back.id()));
        assertFalse(
                Precompute.waiting().contains(gone.id()),
                "a license issued before the removal does not bring the subscriber back");
    }

    @Test
    void aBatchNamingAnUnknownIdIsRefusedWhole() {
        Subscriber known = Subscriber.create("known");
        SymmetricTerminal tv = Licensing.symmetricTerminal(known.id());
        String content = Licensing.content(null);
        Licensing.entitle(known.id(), content);
        Precompute.rebuildModel();
        assertEquals(List.of(content), Precompute.recommended(known.credentials(), known.id(), 5));
        String access = """
                {"terminalId": "%s", "contentId": "%s"}""".formatted(tv.id(), content);

        JsonObject problem = post(
                        Credentials.INTEGRATOR,
                        "/api/events",
                        """
                        {"accessedContents": [%s], "newTerminals": ["no-such-terminal"]}"""
                                .formatted(access))
                .expectProblem(404, "not-found");

        assertTrue(problem.getString("detail").contains("no-such-terminal"), problem.toString());
        assertEquals(
                List.of(content),
                Precompute.recommended(known.credentials(), known.id(), 5),
                "the batch's valid access was not recorded either (a watched content is not recommended)");
        JsonObject report = post(Credentials.INTEGRATOR, "/api/events", "{\"accessedContents\": [" + access + "]}")
                .expect(200)
                .json();
        assertEquals(1, report.getInt("accessesRecorded"));
        assertEquals(List.of(), Precompute.recommended(known.credentials(), known.id(), 5), "now it was watched");

        post(known.credentials(), "/api/events", "{\"newSubscribers\": []}").expectProblem(403, "forbidden");
        post(Credentials.INTEGRATOR, "/api/events", "{\"newTerminals\": [\"\"]}")
                .expectProblem(400, "validation");
    }

    @Test
    void eventsOverSoapDoWhatTheyDoOverRest() {
        Subscriber joining = Subscriber.create("soap-events");
        SymmetricTerminal tv = Licensing.symmetricTerminal(joining.id());
        String content = Licensing.content(null);
        Licensing.entitle(joining.id(), content);
        Licensing.precompute(joining.id(), content);
        assertEquals(1, Licensing.storedFor(tv.id()));

        Soap.Answer added = Soap.reportEvents(
                Credentials.INTEGRATOR,
                """
                <l:newTerminal>%s</l:newTerminal>
                <l:accessedContent><l:terminalId>%s</l:terminalId><l:contentId>%s</l:contentId></l:accessedContent>"""
                        .formatted(tv.id(), tv.id(), content));
        assertEquals(200, added.status(), added.body());
        assertEquals("1", added.text("activated"), added.body());
        assertEquals("1", added.text("accessesRecorded"), added.body());
        assertTrue(Precompute.waiting().contains(joining.id()));

        Soap.Answer unknown =
                Soap.reportEvents(Credentials.INTEGRATOR, "<l:newTerminal>no-such-terminal</l:newTerminal>");
        assertEquals("not-found", unknown.faultCode(), unknown.body());
        Soap.Answer forbidden =
                Soap.reportEvents(joining.credentials(), "<l:removedTerminal>" + tv.id() + "</l:removedTerminal>");
        assertEquals("forbidden", forbidden.faultCode(), forbidden.body());
        assertEquals(1, Licensing.storedFor(tv.id()), "a refused call changed nothing");

        Soap.Answer removed = Soap.reportEvents(
                Credentials.INTEGRATOR,
                "<l:removedSubscriber>%s</l:removedSubscriber><l:removedTerminal>%s</l:removedTerminal>"
                        .formatted(joining.id(), tv.id()));
        assertEquals("1", removed.text("accessBlocksDropped"), removed.body());
        assertEquals(0, Licensing.storedFor(tv.id()));
        assertFalse(Precompute.waiting().contains(joining.id()));
    }

    @Test
    void settingsAreValidatedAndKept() {
        Api.put(
                        Credentials.OPERATOR,
                        "/api/precompute/settings",
                        """
                        {"enabled": true, "threshold": 10, "interval": "PT5M", "trendIntervals": 3, "period": "PT1S",
                         "policy": "FIRST_K", "k": 5, "listSize": 20, "maxItemsPerRun": 100, "itemCost": 1}""")
                .expectProblem(400, "validation");
        Api.put(
                        Credentials.OPERATOR,
                        "/api/precompute/settings",
                        """
                        {"enabled": true, "threshold": 10, "interval": "PT5M", "trendIntervals": 3, "period": "PT1M",
                         "policy": "SOMETIMES", "k": 5, "listSize": 20, "maxItemsPerRun": 100, "itemCost": 1}""")
                .expect(400);
        Precompute.settings(42.5, "PT30S", "LOAD_DEPENDENT", 7, 12);
        JsonObject settings = Api.get(Credentials.OPERATOR, "/api/precompute/settings")
                .expect(200)
                .json();
        assertEquals(42.5, settings.getJsonNumber("threshold").doubleValue());
        assertEquals("PT30S", settings.getString("interval"));
        assertEquals("LOAD_DEPENDENT", settings.getString("policy"));
        assertEquals(7, settings.getInt("k"));
        JsonObject status = Precompute.status();
        assertEquals(42.5, status.getJsonNumber("threshold").doubleValue());
        Api.get(Credentials.INTEGRATOR, "/api/precompute/status").expectProblem(403, "forbidden");
        Precompute.reset();
        assertFalse(
                Api.get(Credentials.OPERATOR, "/api/precompute/settings")
                        .expect(200)
                        .json()
                        .getBoolean("enabled"),
                "back to the test server's configuration");
    }
}
