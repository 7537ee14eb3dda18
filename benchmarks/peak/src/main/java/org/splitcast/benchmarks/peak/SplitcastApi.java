package org.splitcast.benchmarks.peak;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few calls of splitcast's REST API the simulation makes, over one {@link HttpClient}
 * (HTTP/1.1, its own fixed pool of threads), HTTP Basic on every request. Setup calls throw {@link
 * ApiException} on any status but the expected one; license requests return what happened.
 */
final class SplitcastApi implements AutoCloseable {

    /** Who makes a call. */
    enum Caller {
        OPERATOR,
        INTEGRATOR
    }

    /** A call answered with a status it should not have. */
    static final class ApiException extends RuntimeException {
        final int status;

        ApiException(String method, String path, int status, String body) {
            super(method + " " + path + " -> HTTP " + status + ": " + abbreviate(body, 600));
            this.status = status;
        }

        ApiException(String method, String path, IOException cause) {
            super(method + " " + path + " failed: " + cause, cause);
            this.status = -1;
        }
    }

    /**
     * One license request: the status (-1 if the connection failed), the {@code Splitcast-Access}
     * header (null if absent), the client-side latency, and for a refusal the problem's type and
     * body.
     */
    record LicenseOutcome(int status, String access, long latencyNanos, String problemCode, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean hit() {
            return ok() && "precomputed".equals(access);
        }

        boolean miss() {
            return ok() && "computed".equals(access);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final URI api;
    private final String operatorAuth;
    private final String integratorAuth;
    private final ExecutorService pool;
    private final HttpClient http;

    SplitcastApi(URI base, String operator, String integrator, int threads) {
        this.api = URI.create(base.toString() + "/api/");
        this.operatorAuth = basic(operator);
        this.integratorAuth = basic(integrator);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(2, threads), r -> {
            Thread t = new Thread(r, "peak-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(pool)
                .build();
    }

    // --- setup --------------------------------------------------------------------------------

    void createContent(String id, String title, String genre, int durationSeconds) {
        post(
                Caller.OPERATOR,
                "contents",
                Json.createObjectBuilder()
                        .add("id", id)
                        .add("title", title)
                        .add("genre", genre)
                        .add("durationSeconds", durationSeconds)
                        .build());
    }

    void createPackage(String id, String name, List<String> contentIds) {
        post(
                Caller.OPERATOR,
                "packages",
                Json.createObjectBuilder()
                        .add("id", id)
                        .add("name", name)
                        .add("contentIds", Json.createArrayBuilder(contentIds))
                        .build());
    }

    void createSubscriber(
            String id, String username, String password, String ageBand, String country, String category) {
        post(
                Caller.OPERATOR,
                "subscribers",
                Json.createObjectBuilder()
                        .add("id", id)
                        .add("displayName", "Peak " + id)
                        .add("username", username)
                        .add("password", password)
                        .add(
                                "demographics",
                                Json.createObjectBuilder()
                                        .add("ageBand", ageBand)
                                        .add("country", country)
                                        .add("category", category))
                        .build());
    }

    void createTerminal(String subscriberId, String terminalId) {
        post(
                Caller.OPERATOR,
                "subscribers/" + enc(subscriberId) + "/terminals",
                Json.createObjectBuilder()
                        .add("id", terminalId)
                        .add("label", "peak simulation")
                        .add("keyType", "AES_256")
                        .build());
    }

    void entitlePackage(String subscriberId, String packageId) {
        post(
                Caller.INTEGRATOR,
                "subscribers/" + enc(subscriberId) + "/entitlements",
                Json.createObjectBuilder().add("packageId", packageId).build());
    }

    void entitleContent(String subscriberId, String contentId) {
        post(
                Caller.INTEGRATOR,
                "subscribers/" + enc(subscriberId) + "/entitlements",
                Json.createObjectBuilder().add("contentId", contentId).build());
    }

    /** {@code POST /api/recommendations/model}: answers when the new model is in use. */
    JsonObject rebuildModel() {
        return (JsonObject) call("POST", "recommendations/model", Caller.OPERATOR, "", 200);
    }

    // --- load ---------------------------------------------------------------------------------

    /** {@code POST /api/licenses} as the integrator, with a fresh nonce. */
    LicenseOutcome license(String terminalId, String contentId) {
        String body = "{\"contentId\":\"" + contentId + "\",\"terminalId\":\"" + terminalId + "\",\"nonce\":\""
                + nonce() + "\"}";
        HttpRequest request = request("licenses", integratorAuth)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - start;
            int status = response.statusCode();
            String access = response.headers().firstValue("Splitcast-Access").orElse(null);
            if (status >= 200 && status < 300) {
                return new LicenseOutcome(status, access, nanos, null, null);
            }
            return new LicenseOutcome(status, access, nanos, problemCode(response.body()), response.body());
        } catch (IOException e) {
            return new LicenseOutcome(-1, null, System.nanoTime() - start, "io", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LicenseOutcome(-1, null, System.nanoTime() - start, "interrupted", e.toString());
        }
    }

    /** The displayed list: the content ids of {@code GET /api/subscribers/{id}/recommendations}. */
    List<String> recommendations(String subscriberId, int limit) {
        JsonObject list = (JsonObject) call(
                "GET",
                "subscribers/" + enc(subscriberId) + "/recommendations?limit=" + limit,
                Caller.INTEGRATOR,
                null,
                200);
        List<String> ids = new ArrayList<>();
        for (JsonValue item : list.getJsonArray("items")) {
            ids.add(item.asJsonObject().getString("contentId"));
        }
        return ids;
    }

    // --- precompute ---------------------------------------------------------------------------

    JsonObject settings() {
        return (JsonObject) call("GET", "precompute/settings", Caller.OPERATOR, null, 200);
    }

    JsonObject putSettings(JsonObject settings) {
        return (JsonObject) call("PUT", "precompute/settings", Caller.OPERATOR, settings.toString(), 200);
    }

    JsonObject resetSettings() {
        return (JsonObject) call("DELETE", "precompute/settings", Caller.OPERATOR, null, 200);
    }

    JsonObject status() {
        return (JsonObject) call("GET", "precompute/status", Caller.OPERATOR, null, 200);
    }

    JsonArray runs(int limit) {
        return (JsonArray) call("GET", "precompute/runs?limit=" + limit, Caller.OPERATOR, null, 200);
    }

    /**
     * {@code POST /api/events} with {@code removedSubscribers}: off the active list, their
     * precomputed access blocks dropped (the subscribers themselves stay).
     */
    JsonObject removeFromActiveList(List<String> subscriberIds) {
        JsonObject last = null;
        for (int from = 0; from < subscriberIds.size(); from += 10_000) {
            List<String> batch = subscriberIds.subList(from, Math.min(subscriberIds.size(), from + 10_000));
            last = (JsonObject) call(
                    "POST",
                    "events",
                    Caller.OPERATOR,
                    Json.createObjectBuilder()
                            .add("removedSubscribers", Json.createArrayBuilder(batch))
                            .build()
                            .toString(),
                    200);
        }
        return last;
    }

    // --- plumbing -----------------------------------------------------------------------------

    private void post(Caller caller, String path, JsonObject body) {
        call("POST", path, caller, body.toString(), 201);
    }

    /** A call that must answer {@code expected}; its JSON body (null if empty). */
    JsonStructure call(String method, String path, Caller caller, String json, int expected) {
        HttpRequest.Builder builder = request(path, caller == Caller.OPERATOR ? operatorAuth : integratorAuth);
        HttpRequest.BodyPublisher publisher =
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        HttpRequest request = builder.method(method, publisher).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiException(method, path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(method, path, new IOException("interrupted", e));
        }
        if (response.statusCode() != expected) {
            throw new ApiException(method, path, response.statusCode(), response.body());
        }
        String body = response.body();
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    private HttpRequest.Builder request(String path, String auth) {
        return HttpRequest.newBuilder(api.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    /** 32 random bytes, base64url without padding (never from the seed: the server refuses replays). */
    static String nonce() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The {@code code} of a problem+json body, or null. */
    static String problemCode(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject problem = reader.readObject();
            if (problem.containsKey("code") && !problem.isNull("code")) {
                return problem.getString("code");
            }
            String type = problem.getString("type", null);
            return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
