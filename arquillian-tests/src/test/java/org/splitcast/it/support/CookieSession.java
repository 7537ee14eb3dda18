package org.splitcast.it.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.Api.Reply;

/**
 * A browser's session as the portal holds it, over plain HTTP: the cookie that {@code POST
 * /api/session} set and the CSRF token it returned, sent by hand so that a test decides exactly
 * what each request carries.
 */
public final class CookieSession {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern COOKIE = Pattern.compile("splitcast_session=([^;]*)");

    private final String cookie;
    private final String csrfToken;

    public CookieSession(String cookie, String csrfToken) {
        this.cookie = cookie;
        this.csrfToken = csrfToken;
    }

    /** Signs in through POST /api/session; fails the test unless it answers 200 with a cookie. */
    public static CookieSession signIn(Credentials who) {
        Reply reply = signInReply(who.username(), who.password(), null).expect(200);
        return new CookieSession(cookieOf(reply), reply.json().getString("csrfToken"));
    }

    /** The raw answer of POST /api/session, optionally sending an older cookie. */
    public static Reply signInReply(String username, String password, String oldCookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + "/api/session"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        """
                        {"username": "%s", "password": "%s"}"""
                                .formatted(username, password)));
        if (oldCookie != null) {
            request.header("Cookie", "splitcast_session=" + oldCookie);
        }
        return exchange(request);
    }

    /** The token of the session cookie that the reply sets. */
    public static String cookieOf(Reply reply) {
        String header = reply.header("Set-Cookie");
        assertNotNull(header, "a Set-Cookie header");
        Matcher m = COOKIE.matcher(header);
        if (!m.find()) {
            throw new AssertionError("no splitcast_session cookie in " + header);
        }
        return m.group(1);
    }

    public String cookie() {
        return cookie;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Reply get(String path) {
        return send("GET", path, null, null, false);
    }

    /** An unsafe request with the session's CSRF token. */
    public Reply send(String method, String path, String json) {
        return send(method, path, json, csrfToken, false);
    }

    /**
     * A request with the cookie, this CSRF header value (null: none) and, if {@code fromPortal},
     * the portal's {@code X-Requested-With} header.
     */
    public Reply send(String method, String path, String json, String csrf, boolean fromPortal) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + path))
                .timeout(Duration.ofSeconds(60))
                .header("Cookie", "splitcast_session=" + cookie)
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        if (fromPortal) {
            request.header("X-Requested-With", "splitcast-portal");
        }
        return exchange(request);
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
}
