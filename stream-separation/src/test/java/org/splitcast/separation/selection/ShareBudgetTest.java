package org.splitcast.separation.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ShareBudgetTest {

    @Test
    void grantsNeverExceedTheShareOfTheBytesSeenSoFar() {
        Random rng = new Random(3);
        for (double share : new double[] {0.001, 0.015, 0.02, 0.1}) {
            ShareBudget budget = new ShareBudget(share);
            long seen = 0;
            long granted = 0;
            for (int i = 0; i < 100_000; i++) {
                budget.accrue(188);
                seen += 188;
                for (int k = 0; k < 4; k++) { // more demand than supply
                    int g = budget.grant(1 + rng.nextInt(40), rng.nextInt(300), rng.nextBoolean());
                    int unused = g > 0 ? rng.nextInt(g + 1) : 0;
                    budget.refund(unused);
                    granted += g - unused;
                }
                assertTrue(granted <= share * seen + 1e-9, "share " + share + " after " + seen + " bytes");
            }
            assertTrue(granted > 0.9 * share * seen, "the budget is used: " + granted + " of " + share * seen);
        }
    }

    @Test
    void reserveIsLeftForMoreImportantRequests() {
        ShareBudget budget = new ShareBudget(0.5);
        budget.accrue(200); // 100 tokens
        assertEquals(0, budget.grant(16, 90, false), "needs 16 above a reserve of 90");
        assertEquals(10, budget.grant(16, 90, true), "partial grants take what is above the reserve");
        assertEquals(16, budget.grant(16, 0, false));
    }

    @Test
    void absurdSharesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ShareBudget(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new ShareBudget(0.9));
    }
}
