package org.splitcast.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** A small HTTP/JSON client for the API of the test server, with the demo accounts. */
public final class Api {

    public static final String BASE = "http://localhost:" + System.getProperty("it.http.port", "8180");
    public static final String MANAGEMENT = "http://localhost:" + System.getProperty("it.management.port", "10090");

    /** HTTP Basic credentials; {@link #NONE} sends none. */
    public record Credentials(String username, String password) {
        public static final Credentials NONE = new Credentials(null, null);
        public static final Credentials OPERATOR = new Credentials("operator", "splitcast-operator");
        public static final Credentials INTEGRATOR = new Credentials("integrator", "splitcast-integrator");
        public static final Credentials ALICE = new Credentials("alice", "alice-demo-pw");
        public static final Credentials BOB = new Credentials("bob", "bob-demo-pw");
    }

    /** A response. */
    public record Reply(int status, HttpResponse<String> response) {

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body()))) {
                return reader.read();
            }
        }

        /** Asserts the status, and returns this for chaining. */
        public Reply expect(int expected) {
            assertEquals(
                    expected,
                    status,
                    () -> "HTTP " + status + " for " + response.request().method() + " " + response.uri() + ": "
                            + body());
            return this;
        }

        /**
         * Asserts an RFC 9457 problem: the status, the media type, the stable type of {@code code},
         * and no trace of a stack in the body.
         */
        public JsonObject expectProblem(int expectedStatus, String code) {
            expect(expectedStatus);
            assertTrue(
                    header("Content-Type").startsWith("application/problem+json"),
                    "media type " + header("Content-Type"));
            JsonObject problem = json();
            assertEquals("https://splitcast.org/problems/" + code, problem.getString("type"), body());
            assertEquals(expectedStatus, problem.getInt("status"));
            assertFalse(problem.getString("title").isBlank());
            assertFalse(problem.getString("detail", "").isBlank(), "a problem says what went wrong");
            if (code.equals("validation")) {
                // docs/problems.md: a validation problem always names the fields in error
                assertTrue(
                        problem.containsKey("errors")
                                && !problem.getJsonArray("errors").isEmpty(),
                        "a validation problem without errors[]: " + body());
            }
            assertNoStackTrace(body());
            return problem;
        }
    }

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Api() {}

    public static Reply get(Credentials who, String path) {
        return send("GET", who, path, null, null);
    }

    public static Reply post(Credentials who, String path, String json) {
        return send("POST", who, path, "application/json", json);
    }

    public static Reply put(Credentials who, String path) {
        return send("PUT", who, path, null, null);
    }

    public static Reply put(Credentials who, String path, String json) {
        return send("PUT", who, path, "application/json", json);
    }

    public static Reply delete(Credentials who, String path) {
        return send("DELETE", who, path, null, null);
    }

    /** A GET that accepts only this media type. */
    public static Reply getAccepting(Credentials who, String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", accept)
                .GET();
        if (who.username() != null) {
            request.header("Authorization", basic(who));
        }
        return exchange(request);
    }

    /** A GET with this exact Authorization header. */
    public static Reply getWithAuthorization(String path, String authorization) {
        return exchange(HttpRequest.newBuilder(URI.create(BASE + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .GET());
    }

    public static Reply send(String method, Credentials who, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (who.username() != null) {
            request.header("Authorization", basic(who));
        }
        return exchange(request);
    }

    private static String basic(Credentials who) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8));
    }

    private static Reply exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    ObservedCalls.send(CLIENT, request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A fresh identifier, so that tests never collide with each other or with an earlier run. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a subscriber whose username and password are {@code id} and {@code id + "-password"}. */
    public static Credentials newSubscriber(String id) {
        post(
                        Credentials.OPERATOR,
                        "/api/subscribers",
                        """
                        {"id": "%s", "displayName": "Test %s", "username": "%s", "password": "%s-password",
                         "demographics": {"ageBand": "25-34", "country": "FR", "category": "premium"}}
                        """
                                .formatted(id, id, id, id))
                .expect(201);
        return new Credentials(id, id + "-password");
    }

    public static void assertNoStackTrace(String body) {
        assertFalse(body.matches("(?s).*\\bat [a-z]+\\.[a-zA-Z0-9_.$]+\\(.*"), "stack frame in: " + body);
        assertFalse(body.contains("Exception:") || body.contains("Caused by"), "exception text in: " + body);
    }
}
