package org.splitcast.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.Subscriber;
import org.splitcast.it.support.Precompute;

/**
 * The operator dashboard in Chromium: the charts move while the test itself requests licenses over
 * HTTP, the settings form validates, and changing S1 opens and closes the gate.
 */
class DashboardBrowserIT extends DeployedEar {

    private Browser browser;
    private final AtomicBoolean loading = new AtomicBoolean();
    private Thread load;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        loading.set(false);
        if (load != null) {
            load.join(30_000);
        }
        browser.close();
        Precompute.reset();
    }

    @Test
    void theChartsMoveUnderLoadAndS1OpensAndClosesTheGate() throws Exception {
        browser.open("/");
        browser.signIn("operator", "splitcast-operator");
        browser.awaitText("#who-name", "operator");
        browser.awaitText("#view h1", "Operator dashboard");
        browser.await("a first reading", d -> !browser.text("#gate-state").equals("…"));
        browser.assertControlsLabelled();

        // a load of licenses over HTTP: hits and misses (each new terminal × content misses once)
        AtomicInteger issued = startLoad();
        browser.await(
                "licenses on the chart",
                d -> latest("#chart-licenses", "hits") > 0 && latest("#chart-licenses", "misses") > 0);
        int points = points("#chart-licenses");
        browser.await("the chart moving on", d -> points("#chart-licenses") >= points + 2);
        browser.awaitText("#chart-latency-summary", "p50");
        assertTrue(issued.get() > 0);
        browser.await("the store growing on its chart", d -> latest("#chart-store", "store") > 0);

        // the settings form: a negative S1 is refused next to its field, nothing saved
        WebElement threshold = browser.find("#set-threshold");
        threshold.clear();
        threshold.sendKeys("-1");
        browser.find("#settings-form button[type='submit']").click();
        browser.awaitText("#set-threshold-error", "threshold must not be negative");
        assertEquals("true", threshold.getAttribute("aria-invalid"));
        assertEquals(
                100.0,
                Api.get(Credentials.OPERATOR, "/api/precompute/settings")
                        .expect(200)
                        .json()
                        .getJsonNumber("threshold")
                        .doubleValue());

        // precompute on (the suite starts with it off): under S1 = 100 the gate opens
        WebElement enabled = browser.find("#set-enabled");
        if (!enabled.isSelected()) {
            enabled.click();
        }
        setS1("100");
        browser.awaitText("#gate-state", "Open");
        browser.awaitText("#gate-reason", "load under S1");
        // S1 = 0: the gate closes, says why, and the S1 line drops to 0
        setS1("0");
        browser.awaitText("#gate-state", "Closed");
        browser.awaitText("#gate-reason", "load at or over S1");
        browser.await("S1 at 0 on the chart", d -> latest("#chart-workload", "threshold") == 0.0);
        assertTrue(browser.find("#gate-card").getAttribute("class").contains("closed"));
        browser.screenshot("dashboard-gate-closed");
        // S1 back well above the load: open again
        setS1("50");
        browser.awaitText("#gate-state", "Open");
        browser.awaitText("#gate-reason", "load under S1");
        browser.await("the S1 line back up", d -> latest("#chart-workload", "threshold") == 50.0);
        browser.screenshot("dashboard");
        browser.size(1280, 1760);
        browser.screenshot("dashboard-full");

        browser.size(390, 844);
        browser.assertNoHorizontalScroll();
        browser.screenshot("dashboard-phone");
        browser.size(1280, 800);
        browser.assertNoConsoleErrors();
    }

    private void setS1(String value) {
        WebElement threshold = browser.find("#set-threshold");
        threshold.clear();
        threshold.sendKeys(value);
        browser.find("#settings-form button[type='submit']").click();
        browser.awaitText("#settings-form [role='status']", "Saved");
    }

    /**
     * Requests licenses, about 10 a second, until the test ends (90 s at most): they are hits but
     * for a few misses every 2 s, when the loop gives one of the contents a new key (which drops
     * its precomputed blocks).
     */
    private AtomicInteger startLoad() {
        Subscriber viewer = Subscriber.create("dash");
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String content = Licensing.content(null);
            Licensing.entitle(viewer.id(), content);
            contents.add(content);
        }
        List<String> terminals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            terminals.add(Licensing.symmetricTerminal(viewer.id()).id());
        }
        AtomicInteger issued = new AtomicInteger();
        loading.set(true);
        long until = System.nanoTime() + 90_000_000_000L;
        load = new Thread(
                () -> {
                    int i = 0;
                    while (loading.get() && System.nanoTime() < until) {
                        String terminal = terminals.get(i % terminals.size());
                        String content = contents.get((i / terminals.size()) % contents.size());
                        String nonce = Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(UUID.randomUUID().toString().getBytes());
                        if (Api.post(
                                                viewer.credentials(),
                                                "/api/licenses",
                                                Licensing.requestBody(content, terminal, nonce))
                                        .status()
                                == 200) {
                            issued.incrementAndGet();
                        }
                        i++;
                        if (i % 20 == 0) {
                            Api.post(
                                    Credentials.OPERATOR,
                                    "/api/contents/" + contents.get(i / 20 % contents.size()) + "/keys",
                                    "");
                        }
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "dashboard-load");
        load.setDaemon(true);
        load.start();
        return issued;
    }

    private double latest(String figure, String key) {
        String json = browser.find(figure).getAttribute("data-latest");
        if (json == null || json.isEmpty()) {
            return -1;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject latest = reader.readObject();
            return latest.isNull(key) ? -1 : latest.getJsonNumber(key).doubleValue();
        }
    }

    private int points(String figure) {
        String value = browser.find(figure).getAttribute("data-points");
        return value == null ? 0 : Integer.parseInt(value);
    }
}
