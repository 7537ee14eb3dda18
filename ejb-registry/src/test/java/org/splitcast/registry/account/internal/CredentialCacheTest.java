package org.splitcast.registry.account.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.splitcast.registry.account.Caller;
import org.splitcast.registry.account.Role;

/** The credential cache's freshness and its single-flight verification (issue 12). */
class CredentialCacheTest {

    private static final Caller OPS = new Caller("ops", Role.OPERATOR, null);

    private static CredentialCache cache(long seconds) {
        CredentialCache cache = new CredentialCache();
        cache.cacheSeconds = seconds;
        cache.init();
        return cache;
    }

    @Test
    void aFreshEntryAnswersWithoutRefreshAndOnlyTheSameCredentials() {
        CredentialCache cache = cache(60);
        cache.remember(OPS, "pw".toCharArray());

        assertEquals(Optional.of(new CredentialCache.Hit(OPS, false)), cache.find("ops", "pw".toCharArray()));
        assertTrue(cache.find("ops", "other".toCharArray()).isEmpty());
        assertTrue(cache.find("nobody", "pw".toCharArray()).isEmpty());
    }

    @Test
    void aStaleEntryStillAnswersAndAsksExactlyOneCallerToRefreshIt() throws Exception {
        CredentialCache cache = cache(1);
        cache.remember(OPS, "pw".toCharArray());
        Thread.sleep(1100); // fresh for 1 s, stale for 1 s more

        int refreshes = 0;
        for (int i = 0; i < 5; i++) {
            CredentialCache.Hit hit = cache.find("ops", "pw".toCharArray()).orElseThrow();
            assertEquals(OPS, hit.caller());
            refreshes += hit.refresh() ? 1 : 0;
        }
        assertEquals(1, refreshes, "one background re-verification, not one per request");

        cache.remember(OPS, "pw".toCharArray()); // the re-verification renewed it
        assertFalse(cache.find("ops", "pw".toCharArray()).orElseThrow().refresh());
    }

    @Test
    void concurrentVerificationsOfTheSameCredentialsRunOnce() throws Exception {
        CredentialCache cache = cache(60);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<Caller>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> cache.verifyOnce("ops", "pw".toCharArray(), () -> {
                    runs.incrementAndGet();
                    started.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Optional.of(OPS);
                })));
            }
            assertTrue(started.await(5, TimeUnit.SECONDS));
            Thread.sleep(200); // let the others queue up behind the running verification
            release.countDown();
            for (Future<Optional<Caller>> answer : answers) {
                assertEquals(Optional.of(OPS), answer.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, runs.get(), "one Argon2id verification for 8 concurrent requests");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void differentPasswordsAreNotVerifiedTogether() {
        CredentialCache cache = cache(60);
        AtomicInteger runs = new AtomicInteger();
        cache.verifyOnce("ops", "pw".toCharArray(), () -> {
            runs.incrementAndGet();
            return Optional.of(OPS);
        });
        assertEquals(Optional.empty(), cache.verifyOnce("ops", "wrong".toCharArray(), () -> {
            runs.incrementAndGet();
            return Optional.empty();
        }));
        assertEquals(2, runs.get());
    }
}
