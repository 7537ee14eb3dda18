package org.splitcast.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.splitcast.registry.account.AccountService;
import org.splitcast.registry.account.AccountView;
import org.splitcast.registry.account.Caller;
import org.splitcast.registry.account.NewAccount;
import org.splitcast.registry.account.Role;

/** The login guard: throttling of failures, the bulkhead on password checks, the cached hot path. */
class LoginGuardTest {

    /** An account service whose uncached check takes {@code checkMillis} and counts its concurrency. */
    static final class FakeAccounts implements AccountService {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();
        final long checkMillis;

        FakeAccounts(long checkMillis) {
            this.checkMillis = checkMillis;
        }

        @Override
        public Optional<Caller> authenticate(String username, char[] password) {
            checks.incrementAndGet();
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(checkMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return "right".equals(new String(password)) ? Optional.of(staff(username)) : Optional.empty();
        }

        @Override
        public Optional<Caller> authenticateCached(String username, char[] password) {
            return "cached".equals(new String(password)) ? Optional.of(staff(username)) : Optional.empty();
        }

        private static Caller staff(String username) {
            return new Caller(username, Role.OPERATOR, null);
        }

        @Override
        public Optional<Caller> caller(String username) {
            return Optional.empty();
        }

        @Override
        public AccountView create(NewAccount account) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AccountView> list() {
            return List.of();
        }

        @Override
        public void delete(String username) {}

        @Override
        public boolean noAccounts() {
            return false;
        }
    }

    private static LoginGuard guard(FakeAccounts accounts, AtomicLong clock) {
        LoginGuard guard = new LoginGuard();
        guard.accounts = accounts;
        guard.maxConcurrent = 2;
        guard.verificationWait = Duration.ofSeconds(30);
        guard.maxPerAccount = 3;
        guard.maxPerAddress = 5;
        guard.window = Duration.ofMinutes(5);
        guard.lockout = Duration.ofMinutes(1);
        guard.clock = clock::get;
        guard.init();
        return guard;
    }

    @Test
    void anAccountIsThrottledAfterItsFailuresButACachedLoginStillPasses() throws Exception {
        FakeAccounts accounts = new FakeAccounts(0);
        AtomicLong clock = new AtomicLong(0);
        LoginGuard guard = guard(accounts, clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(guard.authenticate("zoe", "wrong".toCharArray(), "10.0.0." + i)
                    .isEmpty());
        }
        LoginGuard.Throttled throttled = assertThrows(
                LoginGuard.Throttled.class, () -> guard.authenticate("zoe", "right".toCharArray(), "10.0.0.9"));
        assertEquals(60, throttled.retryAfterSeconds());
        assertEquals(3, accounts.checks.get(), "no password check while throttled");
        // the hot path: credentials in the cache pass even now, without a check
        assertTrue(guard.authenticate("zoe", "cached".toCharArray(), "10.0.0.9").isPresent());
        // another account from another address is not affected
        assertTrue(guard.authenticate("yan", "right".toCharArray(), "10.0.0.8").isPresent());
        clock.addAndGet(Duration.ofSeconds(45).toNanos());
        assertEquals(
                15,
                assertThrows(LoginGuard.Throttled.class, () -> guard.authenticate("zoe", "right".toCharArray(), "x"))
                        .retryAfterSeconds());
        clock.addAndGet(Duration.ofSeconds(16).toNanos());
        assertTrue(guard.authenticate("zoe", "right".toCharArray(), "10.0.0.9").isPresent());
    }

    @Test
    void anAddressIsThrottledAcrossAccounts() throws Exception {
        FakeAccounts accounts = new FakeAccounts(0);
        LoginGuard guard = guard(accounts, new AtomicLong());
        for (int i = 0; i < 5; i++) {
            guard.authenticate("user" + i, "wrong".toCharArray(), "192.0.2.1");
        }
        assertThrows(LoginGuard.Throttled.class, () -> guard.authenticate("fresh", "right".toCharArray(), "192.0.2.1"));
        assertTrue(
                guard.authenticate("fresh", "right".toCharArray(), "192.0.2.2").isPresent());
    }

    @Test
    void atMostTwoPasswordChecksRunAtOnce() throws Exception {
        FakeAccounts accounts = new FakeAccounts(50);
        LoginGuard guard = guard(accounts, new AtomicLong());
        guard.maxPerAccount = 1_000;
        guard.maxPerAddress = 1_000;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                calls.add(pool.submit(() -> guard.authenticate("u" + n, "wrong".toCharArray(), "a" + n)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(24, accounts.checks.get());
        assertEquals(2, accounts.maxRunning.get(), "the bulkhead bounds concurrent checks");
    }

    @Test
    void aCheckThatFindsNoPlaceInTimeIsRefused() throws Exception {
        FakeAccounts accounts = new FakeAccounts(500);
        LoginGuard guard = guard(accounts, new AtomicLong());
        guard.verificationWait = Duration.ofMillis(20);
        guard.maxConcurrent = 1;
        guard.init();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> slow = pool.submit(() -> guard.authenticate("a", "wrong".toCharArray(), "x"));
            Thread.sleep(100);
            LoginGuard.Throttled busy =
                    assertThrows(LoginGuard.Throttled.class, () -> guard.authenticate("b", "right".toCharArray(), "y"));
            assertEquals(1, busy.retryAfterSeconds());
            slow.get();
        } finally {
            pool.shutdownNow();
        }
    }
}
