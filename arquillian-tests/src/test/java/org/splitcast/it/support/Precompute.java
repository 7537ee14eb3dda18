package org.splitcast.it.support;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.splitcast.it.support.Api.Credentials;

/** The precompute timer's settings, status and active list, over the operator's API. */
public final class Precompute {

    private Precompute() {}

    /** Settings for a test: a 2 s period, a short meter interval, the timer on. */
    public static void settings(double threshold, String interval, String policy, int k, int listSize) {
        settings(threshold, interval, policy, k, listSize, 10_000);
    }

    /** The same with at most {@code maxItemsPerRun} access blocks per run. */
    public static void settings(
            double threshold, String interval, String policy, int k, int listSize, int maxItemsPerRun) {
        Api.put(
                        Credentials.OPERATOR,
                        "/api/precompute/settings",
                        """
                        {"enabled": true, "threshold": %s, "interval": "%s", "trendIntervals": 2, "period": "PT2S",
                         "policy": "%s", "k": %d, "listSize": %d, "maxItemsPerRun": %d, "itemCost": 1.0}"""
                                .formatted(threshold, interval, policy, k, listSize, maxItemsPerRun))
                .expect(200);
    }

    /** Back to the test server's configuration: the timer off. */
    public static void reset() {
        Api.delete(Credentials.OPERATOR, "/api/precompute/settings").expect(200);
    }

    public static JsonObject status() {
        return Api.get(Credentials.OPERATOR, "/api/precompute/status")
                .expect(200)
                .json();
    }

    /** The subscribers waiting on the active list. */
    public static List<String> waiting() {
        return Api.get(Credentials.OPERATOR, "/api/precompute/active-users?limit=1000")
                .expect(200)
                .array()
                .getValuesAs(JsonObject.class)
                .stream()
                .map(o -> o.getString("subscriberId"))
                .toList();
    }

    /** The timer's runs that started after {@code since}, newest first. */
    public static List<JsonObject> runsSince(Instant since) {
        return Api.get(Credentials.OPERATOR, "/api/precompute/runs?limit=200")
                .expect(200)
                .array()
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(r -> Instant.parse(r.getString("startedAt")).isAfter(since))
                .toList();
    }

    /** Rebuilds the recommendation model now. */
    public static JsonObject rebuildModel() {
        return Api.post(Credentials.OPERATOR, "/api/recommendations/model", null)
                .expect(200)
                .json();
    }

    /** The ids of the subscriber's recommendation list. */
    public static List<String> recommended(Credentials who, String subscriberId, int limit) {
        return Api.get(who, "/api/subscribers/" + subscriberId + "/recommendations?limit=" + limit)
                .expect(200)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(o -> o.getString("contentId"))
                .toList();
    }

    /** Polls until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    public static void await(Duration timeout, Supplier<String> what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + timeout + ": " + what.get());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    static List<String> strings(JsonObject o, String key) {
        return o.getJsonArray(key).getValuesAs(JsonString::getString);
    }
}
