package org.splitcast.license.precompute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.splitcast.license.format.AccessBlock;

/**
 * The write-behind's bookkeeping in {@link PrecomputedAccessCache} (issue 12): a miss's block is
 * served from memory at once and queued; removals drop queued blocks, are reported to a batch in
 * flight, and wait for that batch's commit once it has been checked.
 */
class PrecomputedAccessCacheWriteBehindTest {

    private final PrecomputedAccessCache cache = new PrecomputedAccessCache();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private AccessBlock block(String terminal, String content) {
        return new AccessBlock(
                "jws-" + terminal + content, content, terminal, "k1", now, now.plus(1, ChronoUnit.DAYS), null);
    }

    private StoredAccess value(AccessBlock b, String signingKey) {
        return new StoredAccess(b.compact(), null, b.expiresAt(), signingKey);
    }

    private StoredAccess cached(String terminal, String content) {
        return cache.find(terminal, content, "k1", now, () -> null);
    }

    @Test
    void aMissIsServedFromMemoryAndQueuedForTheTable() {
        AccessBlock b = block("tv-1", "film-1");
        assertTrue(cache.putAndQueue(b, "sub-1", value(b, "sig-1"), cache.generation()));

        assertEquals("jws-tv-1film-1", cached("tv-1", "film-1").accessBlock());
        List<PrecomputedAccessCache.Queued> batch = cache.beginFlush(10);
        assertEquals(1, batch.size());
        assertEquals("sub-1", batch.get(0).subscriberId());
        assertEquals(0, cache.queued());
        cache.endFlush();
    }

    @Test
    void aRemovalSinceTheComputationStartedKeepsTheBlockOutOfMemoryAndQueue() {
        long seen = cache.generation();
        cache.remove(k -> k.terminalId().equals("tv-9"), v -> true);
        AccessBlock b = block("tv-1", "film-1");

        assertFalse(cache.putAndQueue(b, "sub-1", value(b, "sig-1"), seen));
        assertNull(cached("tv-1", "film-1"));
        assertEquals(0, cache.queued());
    }

    @Test
    void aRemovalDropsTheMatchingQueuedBlocksOnly() {
        for (String t : List.of("tv-1", "tv-2")) {
            AccessBlock b = block(t, "film-1");
            assertTrue(cache.putAndQueue(b, "sub-1", value(b, "sig-old"), cache.generation()));
        }
        AccessBlock other = block("tv-3", "film-1");
        assertTrue(cache.putAndQueue(other, "sub-1", value(other, "sig-new"), cache.generation()));

        // a signing key rotation: blocks not signed by sig-new go
        cache.remove(k -> true, v -> !"sig-new".equals(v.signingKeyId()));

        assertNull(cached("tv-1", "film-1"));
        List<PrecomputedAccessCache.Queued> batch = cache.beginFlush(10);
        assertEquals(1, batch.size());
        assertEquals("tv-3", batch.get(0).key().terminalId());
        cache.endFlush();
    }

    @Test
    void aRemovalWhileABatchIsWrittenIsReportedToItsCheck() {
        AccessBlock b1 = block("tv-1", "film-1");
        AccessBlock b2 = block("tv-2", "film-2");
        assertTrue(cache.putAndQueue(b1, "sub-1", value(b1, "sig-1"), cache.generation()));
        assertTrue(cache.putAndQueue(b2, "sub-1", value(b2, "sig-1"), cache.generation()));
        List<PrecomputedAccessCache.Queued> batch = cache.beginFlush(10);
        assertEquals(2, batch.size());

        // the terminal tv-2 is revoked while the batch's rows are being inserted
        cache.remove(k -> k.terminalId().equals("tv-2"), v -> true);

        List<PrecomputedAccessCache.Queued> matched = cache.confirmFlush(batch);
        cache.releaseFlush();
        cache.endFlush();
        assertEquals(1, matched.size());
        assertEquals("tv-2", matched.get(0).key().terminalId());
        assertNotNull(cached("tv-1", "film-1"));
        assertNull(cached("tv-2", "film-2"));
    }

    @Test
    void aRemovalAfterTheCheckWaitsUntilTheBatchHasCommitted() throws Exception {
        AccessBlock b = block("tv-1", "film-1");
        assertTrue(cache.putAndQueue(b, "sub-1", value(b, "sig-1"), cache.generation()));
        List<PrecomputedAccessCache.Queued> batch = cache.beginFlush(10);
        assertTrue(cache.confirmFlush(batch).isEmpty());

        CompletableFuture<Void> removal = CompletableFuture.runAsync(
                () -> cache.remove(k -> k.terminalId().equals("tv-1"), v -> true));
        try {
            removal.get(300, TimeUnit.MILLISECONDS);
            throw new AssertionError("the removal did not wait for the batch's commit");
        } catch (TimeoutException expected) {
            // waiting, as it must: its delete would not see the batch's uncommitted rows
        }
        cache.releaseFlush(); // the batch's transaction completed
        removal.get(10, TimeUnit.SECONDS);
        cache.endFlush();
        assertNull(cached("tv-1", "film-1"));
    }

    @Test
    void theQueueIsBoundedAndTheBlocksPastItStayInMemory() {
        for (int i = 0; i < PrecomputedAccessCache.MAX_QUEUED + 5; i++) {
            AccessBlock b = block("tv-" + i, "film-1");
            assertTrue(cache.putAndQueue(b, "sub-1", value(b, "sig-1"), cache.generation()));
        }
        assertEquals(PrecomputedAccessCache.MAX_QUEUED, cache.queued());
        assertNotNull(cached("tv-" + (PrecomputedAccessCache.MAX_QUEUED + 4), "film-1"));
    }
}
