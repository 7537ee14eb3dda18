package org.splitcast.portal.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.registry.account.AccountService;
import org.splitcast.registry.account.Caller;

/**
 * Password checks that cannot be turned into a denial of service. Each uncached check costs an
 * Argon2id verification (about 100 ms of a core and 19 MiB), so:
 *
 * <ol>
 *   <li>credentials verified recently are accepted from the credential cache first, before any of
 *       the rules below (one HMAC: the hot path of an API client is unchanged, even while its
 *       account or address is throttled);
 *   <li>an account with {@code splitcast.auth.max-failures-per-account} failed checks, or a client
 *       address with {@code splitcast.auth.max-failures-per-address}, within {@code
 *       splitcast.auth.failure-window}, is refused for {@code splitcast.auth.lockout} without any
 *       check: {@link Throttled} (429 with {@code Retry-After});
 *   <li>at most {@code splitcast.auth.max-concurrent-verifications} checks run at once (a
 *       bulkhead; 0, the default: half the cores, at least 1); a check that finds no place within {@code splitcast.auth.verification-wait} is
 *       refused the same way.
 * </ol>
 *
 * The counters live in this node's memory, bounded in size. Behind a reverse proxy, let the
 * server take the client address from it (Undertow's {@code proxy-address-forwarding}).
 */
@ApplicationScoped
public class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class);
    private static final int MAX_TRACKED = 100_000;

    /** A check refused without being run; retry after {@link #retryAfterSeconds()}. */
    public static final class Throttled extends Exception {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Throttled(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private static final class Window {
        long startNanos;
        int failures;
        long blockedUntilNanos;
    }

    @EJB
    AccountService accounts;

    @Inject
    @ConfigProperty(name = "splitcast.auth.max-concurrent-verifications", defaultValue = "0")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "splitcast.auth.verification-wait", defaultValue = "PT2S")
    Duration verificationWait;

    @Inject
    @ConfigProperty(name = "splitcast.auth.max-failures-per-account", defaultValue = "10")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "splitcast.auth.max-failures-per-address", defaultValue = "30")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "splitcast.auth.failure-window", defaultValue = "PT5M")
    Duration window;

    @Inject
    @ConfigProperty(name = "splitcast.auth.lockout", defaultValue = "PT1M")
    Duration lockout;

    LongSupplier clock = System::nanoTime;

    private final Map<String, Window> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();
    private Semaphore verifications;

    @PostConstruct
    void init() {
        if (maxConcurrent <= 0) {
            // half the cores: password checks never take all of them from license requests
            maxConcurrent = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
        verifications = new Semaphore(maxConcurrent, true);
    }

    /**
     * The caller these credentials belong to, or empty (wrong or unknown: a failure counted).
     *
     * @param address the client's address, for the per-address rule
     */
    public Optional<Caller> authenticate(String username, char[] password, String address) throws Throttled {
        Optional<Caller> cached = accounts.authenticateCached(username, password);
        if (cached.isPresent()) {
            return cached;
        }
        String account = key(username);
        String client = key(address);
        long now = clock.getAsLong();
        long wait = Math.max(blockedFor(byAccount, account, now), blockedFor(byAddress, client, now));
        if (wait > 0) {
            throw new Throttled(
                    "Too many failed sign-ins for this account or from this address: retry in " + seconds(wait) + " s",
                    seconds(wait));
        }
        boolean acquired;
        try {
            acquired = verifications.tryAcquire(verificationWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            LOG.debugf("password check of %s refused: %d checks in progress", account, maxConcurrent);
            throw new Throttled("Too many sign-ins are being checked at once: retry in a second", 1);
        }
        Optional<Caller> caller;
        try {
            caller = accounts.authenticate(username, password);
        } finally {
            verifications.release();
        }
        if (caller.isPresent()) {
            byAccount.remove(account);
        } else {
            long at = clock.getAsLong();
            failed(byAccount, account, maxPerAccount, at);
            failed(byAddress, client, maxPerAddress, at);
        }
        return caller;
    }

    /** Password checks in progress now (for tests and metrics). */
    int verificationsInProgress() {
        return maxConcurrent - verifications.availablePermits();
    }

    private long blockedFor(Map<String, Window> windows, String key, long now) {
        Window w = windows.get(key);
        if (w == null) {
            return 0;
        }
        synchronized (w) {
            return Math.max(0, w.blockedUntilNanos - now);
        }
    }

    private void failed(Map<String, Window> windows, String key, int limit, long now) {
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(w -> {
                synchronized (w) {
                    return w.blockedUntilNanos - now <= 0 && now - w.startNanos > window.toNanos();
                }
            });
            if (windows.size() >= MAX_TRACKED) {
                windows.clear(); // a flood of distinct keys: start over rather than grow
            }
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            if (w.failures == 0 || now - w.startNanos > window.toNanos()) {
                w.startNanos = now;
                w.failures = 0;
            }
            w.failures++;
            if (w.failures >= limit) {
                w.blockedUntilNanos = now + lockout.toNanos();
                w.failures = 0;
                w.startNanos = now;
                LOG.infof(
                        "sign-in throttled for %s s: %s",
                        lockout.toSeconds(), windows == byAccount ? "an account" : "a client address");
            }
        }
    }

    private static String key(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 64 ? value : value.substring(0, 64);
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
