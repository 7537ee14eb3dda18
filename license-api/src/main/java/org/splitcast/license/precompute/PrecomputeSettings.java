package org.splitcast.license.precompute;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The settings of the load-gated precompute (steps 114-126) that the operator may change at run
 * time. They start from the MicroProfile Config defaults and, once set, are kept in the database
 * for every node.
 *
 * @param enabled whether the timer runs step 120 at all
 * @param threshold S1: the workload (license requests per second on a node) under which step 120
 *     may run
 * @param interval the workload meter's interval (step 114: requests in the interval ÷ its length)
 * @param trendIntervals how many intervals the trend's slope is taken over
 * @param period how often the timer decides (at least 2 s: the timer's tick)
 * @param policy operation 124: which ids of a recommendation list are precomputed
 * @param k the policy's K
 * @param listSize how long a recommendation list the engine gives (operation 122)
 * @param maxItemsPerRun the most access blocks one run may compute
 * @param itemCost how many requests' worth of work one precomputed access block counts for
 */
public record PrecomputeSettings(
        boolean enabled,
        @DecimalMin(value = "0", message = "threshold must not be negative") double threshold,
        @NotNull(message = "interval is required") Duration interval,
        @Min(value = 2, message = "trendIntervals must be between 2 and 12")
                @Max(value = 12, message = "trendIntervals must be between 2 and 12")
                int trendIntervals,
        @NotNull(message = "period is required") Duration period,
        @NotNull(message = "policy is required (ALL, FIRST_K or LOAD_DEPENDENT)") SelectionPolicyName policy,
        @Min(value = 1, message = "k must be between 1 and 100")
                @Max(value = 100, message = "k must be between 1 and 100")
                int k,
        @Min(value = 1, message = "listSize must be between 1 and 100")
                @Max(value = 100, message = "listSize must be between 1 and 100")
                int listSize,
        @Min(value = 0, message = "maxItemsPerRun must be between 0 and 1000000")
                @Max(value = 1_000_000, message = "maxItemsPerRun must be between 0 and 1000000")
                int maxItemsPerRun,
        @DecimalMin(value = "0.01", message = "itemCost must be at least 0.01") double itemCost) {

    /** The longest meter interval. */
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);

    /** The timer's tick: the shortest period. */
    public static final Duration MIN_PERIOD = Duration.ofSeconds(2);

    /** Operation 124's policies. */
    public enum SelectionPolicyName {
        ALL,
        FIRST_K,
        LOAD_DEPENDENT
    }
}
