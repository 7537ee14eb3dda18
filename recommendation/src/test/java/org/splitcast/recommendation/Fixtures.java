package org.splitcast.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.splitcast.recommendation.synthetic.SyntheticPopulation;

/** The shared synthetic population of the tests, and the baseline computed independently. */
final class Fixtures {

    /** 4,000 subscribers in 10 clusters of 100 contents, 30 views each on average. */
    static final SyntheticPopulation POPULATION = SyntheticPopulation.generate(
            SyntheticPopulation.Config.of(4000, 1000, 7).withClusters(10));

    private static RecommendationModel shared;

    private Fixtures() {}

    /** A model of {@link #POPULATION} with the default settings; tests must not change it. */
    static synchronized RecommendationModel sharedModel() {
        if (shared == null) {
            shared = POPULATION.build(RecommenderSettings.defaults());
        }
        return shared;
    }

    /** A model of {@link #POPULATION} that the caller may change. */
    static RecommendationModel freshModel() {
        return POPULATION.build(RecommenderSettings.defaults());
    }

    static List<String> ids(List<Recommendation> list) {
        return list.stream().map(Recommendation::contentId).toList();
    }

    static Set<String> viewed(SyntheticPopulation population, String subscriberId) {
        Set<String> result = new HashSet<>();
        population.history(subscriberId).forEach(v -> result.add(v.contentId()));
        return result;
    }

    /** Distinct viewers of each content in the histories (held-out picks not included). */
    static Map<String, Integer> viewers(SyntheticPopulation population) {
        Map<String, Integer> counts = new HashMap<>();
        for (String id : population.subscriberIds()) {
            for (String content : viewed(population, id)) {
                counts.merge(content, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Every content, most viewed first, ties by id. */
    static List<String> byPopularity(SyntheticPopulation population, Map<String, Integer> viewers) {
        List<String> contents = new ArrayList<>(population.contentIds());
        contents.sort(Comparator.<String>comparingInt(c -> -viewers.getOrDefault(c, 0))
                .thenComparing(Comparator.naturalOrder()));
        return contents;
    }

    /** The popularity baseline: the most viewed contents the subscriber may watch and did not view. */
    static List<String> popularityBaseline(
            SyntheticPopulation population, List<String> byPopularity, String subscriberId, int limit) {
        Set<String> viewed = viewed(population, subscriberId);
        List<String> result = new ArrayList<>(limit);
        for (String content : byPopularity) {
            if (!viewed.contains(content) && population.isEntitled(subscriberId, content)) {
                result.add(content);
                if (result.size() == limit) {
                    break;
                }
            }
        }
        return result;
    }
}
