package org.splitcast.license.precompute.load;

import java.util.List;

/**
 * Operation 124 of seed 003: which ids of a recommendation list are precomputed.
 */
public enum SelectionPolicy {
    /** Every id of the list. */
    ALL,
    /** The first K ids. */
    FIRST_K,
    /** The first K × (share of S1 still free) ids, at least one: fewer as the load rises. */
    LOAD_DEPENDENT;

    /**
     * @param ranked the recommendation list, best first
     * @param k the policy's K (ignored by {@link #ALL})
     * @param headroomShare the share of S1 still free, 0 to 1 ({@link GateDecision#headroomShare})
     */
    public List<String> select(List<String> ranked, int k, double headroomShare) {
        if (k < 1) {
            throw new IllegalArgumentException("K must be at least 1");
        }
        int n =
                switch (this) {
                    case ALL -> ranked.size();
                    case FIRST_K -> k;
                    case LOAD_DEPENDENT -> Math.max(1, (int) Math.ceil(k * Math.max(0, Math.min(1, headroomShare))));
                };
        return List.copyOf(ranked.subList(0, Math.min(n, ranked.size())));
    }
}
