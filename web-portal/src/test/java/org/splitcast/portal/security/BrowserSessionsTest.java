package org.splitcast.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.splitcast.registry.account.Caller;
import org.splitcast.registry.account.Role;

class BrowserSessionsTest {

    private static final Caller ALICE = new Caller("alice", Role.SUBSCRIBER, "alice");
    private static final Caller BOB = new Caller("bob", Role.SUBSCRIBER, "bob");

    private BrowserSessions sessions;
    private Instant now = Instant.parse("2026-12-07T10:00:00Z");

    @BeforeEach
    void setUp() {
        sessions = new BrowserSessions();
        sessions.idleTimeout = Duration.ofMinutes(30);
        sessions.maxAge = Duration.ofHours(12);
        sessions.init();
        useTime(now);
    }

    private void useTime(Instant instant) {
        now = instant;
        sessions.useClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aTokenFindsItsSessionUntilSignOut() {
        BrowserSessions.Opened opened = sessions.open(ALICE);
        assertEquals(43, opened.token().length(), "32 random bytes, base64url");
        assertEquals(43, opened.session().csrfToken().length());
        assertNotEquals(opened.token(), opened.session().csrfToken());
        assertEquals(ALICE, sessions.find(opened.token()).orElseThrow().caller());

        sessions.close(opened.token());
        assertTrue(sessions.find(opened.token()).isEmpty());
    }

    @Test
    void unknownEmptyOrOverlongTokensFindNothing() {
        sessions.open(ALICE);
        assertTrue(sessions.find(null).isEmpty());
        assertTrue(sessions.find("").isEmpty());
        assertTrue(sessions.find("made-up").isEmpty());
        assertTrue(sessions.find("x".repeat(10_000)).isEmpty());
    }

    @Test
    void anIdleSessionEndsButUseKeepsItAlive() {
        String token = sessions.open(ALICE).token();
        useTime(now.plus(Duration.ofMinutes(29)));
        assertTrue(sessions.find(token).isPresent());
        useTime(now.plus(Duration.ofMinutes(29)));
        assertTrue(sessions.find(token).isPresent(), "58 minutes after sign-in, used 29 minutes ago");
        useTime(now.plus(Duration.ofMinutes(30)));
        assertTrue(sessions.find(token).isEmpty(), "30 minutes without a request");
    }

    @Test
    void aSessionEndsAtItsMaximumAgeHoweverActive() {
        String token = sessions.open(ALICE).token();
        Instant signIn = now;
        while (now.plus(Duration.ofMinutes(20)).isBefore(signIn.plus(Duration.ofHours(12)))) {
            useTime(now.plus(Duration.ofMinutes(20)));
            assertTrue(sessions.find(token).isPresent(), "used every 20 minutes, at " + now);
        }
        useTime(signIn.plus(Duration.ofHours(12)));
        assertTrue(sessions.find(token).isEmpty());
    }

    @Test
    void anAccountKeepsAtMostTwentySessionsTheOldestEnd() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < BrowserSessions.MAX_PER_ACCOUNT + 1; i++) {
            useTime(now.plusSeconds(1));
            tokens.add(sessions.open(ALICE).token());
        }
        String bob = sessions.open(BOB).token();
        assertTrue(sessions.find(tokens.get(0)).isEmpty(), "the oldest of alice's ended");
        assertTrue(sessions.find(tokens.get(1)).isPresent());
        assertTrue(sessions.find(tokens.get(tokens.size() - 1)).isPresent());
        assertTrue(sessions.find(bob).isPresent(), "another account's session is untouched");
        assertEquals(BrowserSessions.MAX_PER_ACCOUNT + 1, sessions.size());
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        BrowserSession session = sessions.open(ALICE).session();
        assertTrue(BrowserSessions.csrfMatches(session, session.csrfToken()));
        assertFalse(BrowserSessions.csrfMatches(session, null));
        assertFalse(BrowserSessions.csrfMatches(session, ""));
        assertFalse(BrowserSessions.csrfMatches(session, session.csrfToken().substring(1)));
        assertFalse(BrowserSessions.csrfMatches(
                session, sessions.open(BOB).session().csrfToken()));
    }

    @Test
    void neitherTokenAppearsInTheSessionsDescription() {
        BrowserSessions.Opened opened = sessions.open(ALICE);
        String text = opened.session().toString();
        assertFalse(
                text.contains(opened.token()) || text.contains(opened.session().csrfToken()), text);
    }
}
