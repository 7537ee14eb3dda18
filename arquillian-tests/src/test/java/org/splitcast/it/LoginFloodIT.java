package org.splitcast.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitcast.it.support.Api.get;
import static org.splitcast.it.support.Api.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Licensing.Subscriber;
import org.splitcast.it.support.Licensing.SymmetricTerminal;
import org.splitcast.license.format.Nonces;

/**
 * Login cannot be turned into a denial of service (issue 13): a flood of concurrent bad logins
 * (each an Argon2id check) runs while a client with a good, cached login keeps asking for licenses;
 * the license rate during the flood is compared with the rate just before it. Figures in
 * docs/hardening.md. The test server allows many failures per address (all tests share 127.0.0.1,
 * arquillian.xml), so this flood meets the bulkhead; the per-account rule is checked below.
 */
class LoginFloodIT extends DeployedEar {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final int FLOODERS = 8;
    private static final long PHASE_MILLIS = 8_000;

    private record Phase(int licenses, double perSecond) {}

    private static Phase issueLicenses(Subscriber owner, String content, String terminal) {
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(PHASE_MILLIS);
        int issued = 0;
        while (System.nanoTime() < end) {
            post(
                            owner.credentials(),
                            "/api/licenses",
                            Licensing.requestBody(content, terminal, Nonces.generate(CRYPTO)))
                    .expect(200);
            issued++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Phase(issued, issued / seconds);
    }

    @Test
    void licensesKeepBeingIssuedDuringAFloodOfConcurrentBadLogins() throws Exception {
        Subscriber owner = Subscriber.create("flood");
        String content = Licensing.content(null);
        Licensing.entitle(owner.id(), content);
        SymmetricTerminal tv = Licensing.symmetricTerminal(owner.id());
        // warm: the owner's login is verified once and cached, the access block computed
        issueLicenses(owner, content, tv.id());

        Phase before = issueLicenses(owner, content, tv.id());

        AtomicBoolean flooding = new AtomicBoolean(true);
        Map<Integer, AtomicInteger> badLogins = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(FLOODERS);
        List<Future<?>> flooders = new ArrayList<>();
        long floodStart = System.nanoTime();
        for (int i = 0; i < FLOODERS; i++) {
            flooders.add(pool.submit(() -> {
                while (flooding.get()) {
                    int status = get(new Credentials(Api.unique("nobody"), "wrong-password"), "/api/me")
                            .status();
                    badLogins.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        Phase during;
        try {
            Thread.sleep(500); // the flood is under way
            during = issueLicenses(owner, content, tv.id());
        } finally {
            flooding.set(false);
            for (Future<?> f : flooders) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
        }
        double floodSeconds = (System.nanoTime() - floodStart) / 1e9;
        int bad = badLogins.values().stream().mapToInt(AtomicInteger::get).sum();
        double ratio = during.perSecond() / before.perSecond();
        System.out.printf(
                "LoginFloodIT: licenses before the flood %d in %.1f s (%.1f/s); during %d concurrent bad logins %d"
                        + " (%.1f/s), ratio %.2f; bad logins answered %d (%.1f/s), statuses %s%n",
                before.licenses(),
                PHASE_MILLIS / 1000.0,
                before.perSecond(),
                FLOODERS,
                during.licenses(),
                during.perSecond(),
                ratio,
                bad,
                bad / floodSeconds,
                badLogins);

        assertTrue(bad > 0, "the flood ran");
        assertTrue(
                badLogins.keySet().stream().allMatch(s -> s == 401 || s == 429),
                "bad logins get 401 or 429 only: " + badLogins);
        // With the bulkhead (one password check at a time on 2 cores) the ratio was 0.32-0.60 on a
        // quiet machine and 0.12 with other builds beside it; without it (max-concurrent-verifications
        // 64) 0.02: the floor sits between the two (docs/hardening.md).
        assertTrue(
                ratio >= 0.06,
                "licenses keep flowing during the flood: %.1f/s before, %.1f/s during"
                        .formatted(before.perSecond(), during.perSecond()));
    }

    @Test
    void anAccountIsThrottledAfterRepeatedFailuresWhileItsCachedLoginStillWorks() {
        Subscriber victim = Subscriber.create("throttled");
        get(victim.credentials(), "/api/me").expect(200); // verified once: cached
        Credentials wrong = new Credentials(victim.credentials().username(), "not-the-password");
        for (int i = 0; i < 10; i++) {
            get(wrong, "/api/me").expectProblem(401, "unauthenticated");
        }
        Api.Reply throttled = get(wrong, "/api/me");
        throttled.expectProblem(429, "too-many-login-attempts");
        assertNotNull(throttled.header("Retry-After"), "a 429 says when to retry");
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) > 0);
        // the browser sign-in is throttled alike
        post(
                        Credentials.NONE,
                        "/api/session",
                        """
                {"username": "%s", "password": "again-wrong"}"""
                                .formatted(wrong.username()))
                .expectProblem(429, "too-many-login-attempts");
        // the good, cached login is on the hot path, unaffected
        assertEquals(
                victim.credentials().username(),
                get(victim.credentials(), "/api/me").expect(200).json().getString("username"));
    }
}
