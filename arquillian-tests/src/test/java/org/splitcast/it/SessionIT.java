package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.get;

import jakarta.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.Api.Reply;
import org.splitcast.it.support.CookieSession;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;

/**
 * The portal's browser session at the HTTP level: sign-in with the account's password, an
 * HttpOnly SameSite=Strict cookie, the CSRF token on unsafe requests, sign-out, and HTTP Basic
 * unchanged beside it.
 */
class SessionIT extends DeployedEar {

    @Test
    void signInSetsAnHttpOnlyStrictCookieAndReturnsTheCsrfToken() {
        Reply reply = CookieSession.signInReply("alice", "alice-demo-pw", null).expect(200);
        String setCookie = reply.header("Set-Cookie");
        assertTrue(setCookie.startsWith("splitcast_session="), setCookie);
        assertTrue(setCookie.contains("; HttpOnly"), setCookie);
        assertTrue(setCookie.contains("; SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("; Path=/"), setCookie);
        assertEquals("no-store", reply.header("Cache-Control"));
        JsonObject body = reply.json();
        assertEquals("alice", body.getString("username"));
        assertEquals("subscriber", body.getString("role"));
        assertEquals("alice", body.getString("subscriberId"));
        String csrf = body.getString("csrfToken");
        assertEquals(32, Base64.getUrlDecoder().decode(csrf).length, "32 random bytes");
        assertFalse(reply.body().contains(CookieSession.cookieOf(reply)), "the session token only in the cookie");

        CookieSession session = new CookieSession(CookieSession.cookieOf(reply), csrf);
        assertEquals("alice", session.get("/api/me").expect(200).json().getString("username"));
        JsonObject again = session.get("/api/session").expect(200).json();
        assertEquals(csrf, again.getString("csrfToken"), "a reloaded page gets the same token");
    }

    @Test
    void aWrongPasswordGetsNoCookieAndNoBasicPopUp() {
        Reply reply = CookieSession.signInReply("alice", "not-her-password", null);
        reply.expectProblem(401, "unauthenticated");
        assertNull(reply.header("Set-Cookie"));
        assertTrue(reply.header("WWW-Authenticate").startsWith("Session"), reply.header("WWW-Authenticate"));
        CookieSession.signInReply("nobody-here", "whatever-password", null).expectProblem(401, "unauthenticated");
        CookieSession.signInReply("alice", "", null).expectProblem(400, "validation");
    }

    @Test
    void anUnsafeRequestWithTheCookieNeedsTheSessionsCsrfToken() {
        CookieSession alice = CookieSession.signIn(Credentials.ALICE);
        String license = Licensing.requestBody("big-buck-bunny", "alice-tv", nonce());

        JsonObject missing =
                alice.send("POST", "/api/licenses", license, null, true).expectProblem(403, "forbidden");
        assertTrue(missing.getString("detail").contains("X-CSRF-Token"), missing.toString());
        alice.send("POST", "/api/licenses", license, "not-the-token", true).expectProblem(403, "forbidden");
        CookieSession bob = CookieSession.signIn(Credentials.BOB);
        alice.send("POST", "/api/licenses", license, bob.csrfToken(), true).expectProblem(403, "forbidden");

        Reply issued = alice.send("POST", "/api/licenses", license).expect(200);
        assertEquals("alice-tv", issued.json().getString("terminalId"));
        // reads need no token
        alice.get("/api/subscribers/alice/terminals").expect(200);
    }

    @Test
    void signOutEndsTheSessionAndNeedsTheToken() {
        CookieSession alice = CookieSession.signIn(Credentials.ALICE);
        alice.send("DELETE", "/api/session", null, null, true).expectProblem(403, "forbidden");
        alice.get("/api/me").expect(200);

        Reply out = alice.send("DELETE", "/api/session", null).expect(204);
        assertTrue(out.header("Set-Cookie").contains("Max-Age=0"), out.header("Set-Cookie"));
        Reply after = alice.send("GET", "/api/me", null, null, true);
        after.expectProblem(401, "unauthenticated");
        assertTrue(after.header("WWW-Authenticate").startsWith("Session"), "no Basic pop-up for the portal");
        alice.get("/api/session").expect(204);
        // without the portal's header, an API client still gets the Basic challenge
        assertTrue(alice.get("/api/me").header("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    void signingInAgainReplacesTheOldSession() {
        CookieSession first = CookieSession.signIn(Credentials.ALICE);
        Reply second = CookieSession.signInReply("alice", "alice-demo-pw", first.cookie())
                .expect(200);
        String newCookie = CookieSession.cookieOf(second);
        assertNotEquals(first.cookie(), newCookie, "a new token at every sign-in");
        assertNotEquals(first.csrfToken(), second.json().getString("csrfToken"));
        first.get("/api/me").expectProblem(401, "unauthenticated");
        new CookieSession(newCookie, second.json().getString("csrfToken"))
                .get("/api/me")
                .expect(200);
    }

    @Test
    void aSessionSeesOnlyItsOwnSubscribersData() {
        CookieSession bob = CookieSession.signIn(Credentials.BOB);
        bob.get("/api/subscribers/bob/entitlements").expect(200);
        bob.get("/api/subscribers/alice/entitlements").expectProblem(403, "forbidden");
        bob.get("/api/subscribers/alice/recommendations").expectProblem(403, "forbidden");
        bob.send("POST", "/api/licenses", Licensing.requestBody("big-buck-bunny", "alice-tv", nonce()))
                .expectProblem(403, "forbidden");
        bob.get("/api/precompute/status").expectProblem(403, "forbidden");
        CookieSession operator = CookieSession.signIn(Credentials.OPERATOR);
        operator.get("/api/precompute/status").expect(200);
    }

    @Test
    void anUnknownOrMalformedCookieIsNoSession() {
        new CookieSession("made-up-token", "x").get("/api/me").expectProblem(401, "unauthenticated");
        new CookieSession("x".repeat(5000), "x").get("/api/me").expectProblem(401, "unauthenticated");
        // a public resource stays public with a stale cookie
        assertEquals(
                200,
                new CookieSession("made-up-token", "x").get("/api/license-keys").status());
    }

    @Test
    void httpBasicIsUnchangedAndOpensNoSession() {
        Reply me = get(Credentials.ALICE, "/api/me").expect(200);
        assertNull(me.header("Set-Cookie"));
        assertEquals("alice", me.json().getString("username"));
        get(new Credentials("alice", "not-her-password"), "/api/me").expectProblem(401, "unauthenticated");
    }

    private static String nonce() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.util.UUID.randomUUID().toString().getBytes());
    }
}
