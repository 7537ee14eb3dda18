package org.splitcast.separation.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.splitcast.separation.complementary.ComplementaryChunk;
import org.splitcast.separation.complementary.ComplementaryException;
import org.splitcast.separation.complementary.ComplementaryReader;

/**
 * Target (ii): arbitrary bytes as complementary information, read as a container ({@link
 * ComplementaryReader}) and as one chunk record received alone ({@link ComplementaryChunk#decode}).
 * Property: a {@link ComplementaryException} with a message, or a valid parse (chunks in sequence,
 * then the trailer); never another exception, a hang or an unbounded allocation.
 *
 * <p>The first input byte chooses the mode: odd, the checksums of the rest are made right first
 * (so that mutations reach the structural checks behind them); even, the rest is read as it is.
 */
class ComplementaryReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void readAnyBytes(byte[] data) throws Exception {
        byte[] rest = data.length == 0 ? data : Arrays.copyOfRange(data, 1, data.length);
        byte[] input = data.length > 0 && (data[0] & 1) == 1 ? FuzzSupport.repairChecksums(rest) : rest;
        try {
            ComplementaryReader reader = new ComplementaryReader(new ByteArrayInputStream(input));
            long chunks = 0;
            long covered = 0;
            ComplementaryChunk chunk;
            while ((chunk = reader.nextChunk()) != null) {
                assertEquals(chunks++, chunk.index(), "chunks come in sequence");
                assertEquals(covered, chunk.mainOffset(), "chunks follow each other");
                covered = chunk.mainEnd();
            }
            assertNotNull(reader.trailer(), "a parse that ends has read the trailer");
            assertEquals(chunks, reader.trailer().chunkCount());
            assertEquals(covered, reader.trailer().mainLength());
        } catch (ComplementaryException e) {
            checkMessage(e);
        }
        try {
            ComplementaryChunk c = ComplementaryChunk.decode(input);
            assertTrue(c.mainEnd() >= c.mainOffset(), "a decoded chunk has a range");
        } catch (ComplementaryException e) {
            checkMessage(e);
        }
    }

    private static void checkMessage(ComplementaryException e) {
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().isBlank());
        assertNotNull(e.kind());
    }
}
