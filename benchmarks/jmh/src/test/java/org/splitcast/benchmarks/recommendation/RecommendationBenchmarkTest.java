package org.splitcast.benchmarks.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitcast.recommendation.Recommendation;
import org.splitcast.recommendation.RecommendationModel;

/**
 * What the benchmarks measure is real work, on a small population: full lists for successive
 * subscribers, and a build that yields a whole model. No timing here: the benchmarks run only on
 * demand.
 */
class RecommendationBenchmarkTest {

    @Test
    void benchmarkedOperationsYieldFullListsAndModels() {
        RecommendationBenchmark.Population population = new RecommendationBenchmark.Population();
        population.subscribers = 2000;
        population.contents = 500;
        population.seed = 42;
        population.generate();
        RecommendationBenchmark.Model model = new RecommendationBenchmark.Model();
        model.build(population);
        RecommendationBenchmark benchmark = new RecommendationBenchmark();
        RecommendationBenchmark.Cursor cursor = new RecommendationBenchmark.Cursor();

        List<Recommendation> first = benchmark.recommend10(population, model, cursor);
        List<Recommendation> second = benchmark.recommend10(population, model, cursor);
        assertEquals(10, first.size());
        assertEquals(10, second.size());
        assertNotEquals(first, second, "successive calls ask for different subscribers");
        assertEquals(100, benchmark.recommend100(population, model, cursor).size());
        for (int k = 0; k < 2 * population.subscribers; k++) {
            assertEquals(10, benchmark.recommend10(population, model, cursor).size());
        }

        RecommendationBenchmark.Loaded loaded = new RecommendationBenchmark.Loaded();
        loaded.load(population);
        RecommendationModel built = benchmark.build(loaded);
        assertEquals(population.subscribers, built.stats().subscribers());
        assertTrue(built.stats().neighbourPairs() > 0);
    }
}
