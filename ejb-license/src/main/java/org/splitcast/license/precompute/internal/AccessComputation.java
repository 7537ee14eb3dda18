package org.splitcast.license.precompute.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.splitcast.crypto.CryptoException;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.PublicKeyCodec;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.license.format.AccessBlock;
import org.splitcast.license.format.AccessBlockComposer;
import org.splitcast.license.format.AccessRules;
import org.splitcast.license.format.SigningKey;
import org.splitcast.license.format.TerminalKey;
import org.splitcast.license.metrics.internal.LicenseMetrics;
import org.splitcast.license.signing.LicenseSigningKeys;
import org.splitcast.registry.content.ContentDirectory;
import org.splitcast.registry.content.ContentRecord;
import org.splitcast.registry.terminal.TerminalDirectory;
import org.splitcast.registry.terminal.TerminalRecord;

/**
 * Steps 142 and 126: computes the access block of (terminal, content, current key) — Kc wrapped
 * for the terminal, the rules, the server's signature — and stores it. The one code path for a
 * miss at request time and for precomputation ahead of time.
 *
 * <p>Concurrent requests for the same triple on this node wait for one computation instead of
 * each signing (200 clients asking at once cost one signature, not 200); across nodes the store's
 * unique constraint keeps one entry.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AccessComputation {

    private record Triple(String terminalId, String contentId, String keyId) {}

    @EJB
    TerminalDirectory terminals;

    @EJB
    ContentDirectory contents;

    @EJB
    LicenseSigningKeys signingKeys;

    @EJB
    PrecomputedAccessStore store;

    @Inject
    LicenseMetrics metrics;

    @Inject
    PrecomputedAccessCache cache;

    /**
     * Whether a miss's block goes to the store's memory at once and to its table by the
     * write-behind ({@link PrecomputedAccessWriteBehind}, one commit for many misses); false: each
     * miss stores its block in a transaction of its own before it answers.
     */
    @Inject
    @ConfigProperty(name = "splitcast.license.store-write-behind", defaultValue = "true")
    boolean writeBehind;

    /** How long an access block stays usable: the store's expiry. */
    @Inject
    @ConfigProperty(name = "splitcast.license.access-block-lifetime", defaultValue = "P1D")
    Duration lifetime;

    private final CryptoProvider crypto = CryptoProvider.getDefault();
    private final AccessBlockComposer composer = new AccessBlockComposer(crypto);
    private final ConcurrentHashMap<Triple, CompletableFuture<StoredAccess>> running = new ConcurrentHashMap<>();

    /**
     * Computes the access block and stores it unless the store already has one; a caller that
     * arrives while the same triple is being computed waits for that result.
     *
     * @param reason what the computation is for, for the metrics: "miss" or "precompute"
     * @param at the access block's issue time (truncated to the second): the request's on a miss,
     *     so that a license's grant is never older than its block
     */
    public StoredAccess computeAndStore(
            TerminalRecord terminal, ContentRecord content, String keyId, String reason, Instant at) {
        Triple triple = new Triple(terminal.id(), content.id(), keyId);
        CompletableFuture<StoredAccess> mine = new CompletableFuture<>();
        CompletableFuture<StoredAccess> other = running.putIfAbsent(triple, mine);
        if (other != null) {
            return copy(await(other));
        }
        try {
            StoredAccess result = computeAndStoreNow(terminal, content, keyId, reason, at);
            mine.complete(result);
            return copy(result);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(triple, mine);
        }
    }

    private StoredAccess computeAndStoreNow(
            TerminalRecord terminal, ContentRecord content, String keyId, String reason, Instant at) {
        long started = System.nanoTime();
        // a removal from the store after this point keeps the block out of the write-behind
        long seenGeneration = cache.generation();
        SigningKey signing = signingKeys.active();
        Instant now = at.truncatedTo(ChronoUnit.SECONDS);
        AccessBlock block = compute(terminal, content, keyId, signing, now, now.plus(lifetime));
        metrics.accessBlockComputed(reason, System.nanoTime() - started);
        StoredAccess result = new StoredAccess(block.compact(), block.grantKey(), block.expiresAt(), signing.keyId());
        // a miss: in memory now, in the table behind the request; precomputation (or a removal
        // meanwhile): in the table before it returns
        if (!(writeBehind
                && "miss".equals(reason)
                && cache.putAndQueue(block, terminal.subscriberId(), result, seenGeneration))) {
            store.storeIfAbsent(block, terminal.subscriberId(), signing.keyId());
        }
        return result;
    }

    private AccessBlock compute(
            TerminalRecord terminal,
            ContentRecord content,
            String keyId,
            SigningKey signing,
            Instant now,
            Instant expires) {
        byte[] kc = contents.openContentKey(content.id(), keyId);
        byte[] kt = null;
        try {
            TerminalKey terminalKey;
            if (terminal.keyType().isSymmetric()) {
                kt = terminals.openSymmetricKey(terminal.id());
                terminalKey = new TerminalKey.Symmetric(kt);
            } else {
                terminalKey = new TerminalKey.Public(new PublicKeyCodec(crypto)
                        .parse(terminal.publicKeyDer())
                        .key());
            }
            var rules = content.rules();
            return composer.compose(
                    content.id(),
                    terminal.id(),
                    keyId,
                    kc,
                    terminalKey,
                    new AccessRules(rules.maxPlays(), rules.rentalWindowHours(), rules.recordingAllowed()),
                    now,
                    expires,
                    signing);
        } finally {
            SecretKeys.wipe(kc);
            if (kt != null) {
                SecretKeys.wipe(kt);
            }
        }
    }

    private static StoredAccess await(CompletableFuture<StoredAccess> other) {
        try {
            return other.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new CryptoException("access block computation failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("access block computation did not finish in 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an access block", e);
        }
    }

    /** Each caller gets its own copy of Km, so that wiping it cannot spoil another's. */
    private static StoredAccess copy(StoredAccess a) {
        return a.grantKey() == null
                ? a
                : new StoredAccess(a.accessBlock(), a.grantKey().clone(), a.expiresAt(), a.signingKeyId());
    }
}
