package org.splitcast.license.precompute.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionPolicyTest {

    private static final List<String> RANKED = List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10");

    @Test
    void allTakesTheWholeList() {
        assertEquals(RANKED, SelectionPolicy.ALL.select(RANKED, 3, 0.1));
    }

    @Test
    void firstKTakesTheKBestWhateverTheLoad() {
        assertEquals(List.of("c1", "c2", "c3"), SelectionPolicy.FIRST_K.select(RANKED, 3, 1.0));
        assertEquals(List.of("c1", "c2", "c3"), SelectionPolicy.FIRST_K.select(RANKED, 3, 0.05));
        assertEquals(RANKED, SelectionPolicy.FIRST_K.select(RANKED, 50, 1.0));
    }

    @Test
    void loadDependentTakesFewerAsTheHeadroomShrinks() {
        assertEquals(8, SelectionPolicy.LOAD_DEPENDENT.select(RANKED, 8, 1.0).size());
        assertEquals(4, SelectionPolicy.LOAD_DEPENDENT.select(RANKED, 8, 0.5).size());
        assertEquals(List.of("c1", "c2"), SelectionPolicy.LOAD_DEPENDENT.select(RANKED, 8, 0.2));
        assertEquals(List.of("c1"), SelectionPolicy.LOAD_DEPENDENT.select(RANKED, 8, 0.0));
    }

    @Test
    void kMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> SelectionPolicy.FIRST_K.select(RANKED, 0, 1.0));
    }
}
