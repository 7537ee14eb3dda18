package org.splitcast.recommendation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The recommendation engine's model (engine 50 over database 56 of seed 003): ranks, for a
 * subscriber or one of their terminals, the contents they are most likely to pick next.
 *
 * <p>A list blends two scores:
 *
 * <ul>
 *   <li><b>co-views</b> (item-to-item collaborative filtering): for each content, its {@code
 *       neighbours} most similar contents were computed at build time (shrunk cosine of their
 *       viewer sets, see {@link CoViewNeighbours}); a candidate j scores Σ w_h · sim(h, j) / √Σ
 *       w_h over the subscriber's {@code historyWindow} most recent views h, where w_h halves
 *       every {@code recencyHalfLife} more recent views and is {@code terminalWeight} times more
 *       when the view was made on the terminal the list is asked for (dividing by the square
 *       root: a long history counts more than one view, without drowning popularity);
 *   <li><b>popularity in the subscriber's segment</b> (age band + country + category, distinct
 *       viewers per content), smoothed toward the coarser segment (age band + country) and the
 *       whole population, and backing off to them when a segment has fewer than {@code
 *       minSegmentViews} views, scaled to [0, 1]; it alone serves a subscriber without history
 *       (cold start).
 * </ul>
 *
 * The score is {@code (1 - popularityWeight) · coView + popularityWeight · popularity}; only
 * contents the subscriber is entitled to (bought directly or in one of their packages) are
 * listed, by default not those already viewed; ties go to the smaller content id.
 *
 * <p>Similarities and popularity are immutable: the server rebuilds the model periodically with
 * a {@link Builder}. Between builds, {@link #recordView}, {@link #setEntitlements}, {@link
 * #addSubscriber} and {@link #removeSubscriber} change subscribers, each by replacing that
 * subscriber's immutable state (copy on write): any number of threads may call every method at
 * once, readers never lock and never see a half-made change. Contents unknown to the model are
 * absent until the next build. Changes made to the old model while a new one is built are not in
 * the new one unless the caller replays them on it (or reads them into its builder).
 *
 * <p>Cost: a list takes O(H × M + segment depth + limit × log limit) (tens of microseconds at
 * 100,000 subscribers × 10,000 contents), on a dense working array over the catalogue that the
 * model pools per thread; a build takes O(Σ H_u²) for the co-views, H_u ≤ H being a subscriber's
 * window, plus O(views) for the rest.
 */
public final class RecommendationModel {

    /** The longest list {@link #recommend} returns. */
    public static final int MAX_LIMIT = 100;

    private final RecommenderSettings settings;
    private final String[] contentIds;
    private final Map<String, Integer> contentIndex;
    private final Map<String, Integer> packageIndex;
    private final long[][] packageContents;
    private final CoViewNeighbours neighbours;
    private final SegmentPopularity popularity;
    private final double[] globalPopularity;
    private final int[] globalRanking;
    private final double[] recencyWeights;
    private final ConcurrentHashMap<String, SubscriberState> subscribers;
    private final ConcurrentLinkedQueue<Scratch> scratches = new ConcurrentLinkedQueue<>();
    private final LongAdder recordedViews = new LongAdder();
    private final long builtViews;
    private final long ignoredReferences;
    private final Duration buildDuration;

    private RecommendationModel(Builder.Result built) {
        this.settings = built.settings;
        this.contentIds = built.contentIds;
        this.contentIndex = built.contentIndex;
        this.packageIndex = built.packageIndex;
        this.packageContents = built.packageContents;
        this.neighbours = built.neighbours;
        this.popularity = built.popularity;
        this.globalPopularity = built.popularity.global;
        this.globalRanking = built.popularity.ranking;
        this.recencyWeights = built.recencyWeights;
        this.subscribers = built.subscribers;
        this.builtViews = built.views;
        this.ignoredReferences = built.ignoredReferences;
        this.buildDuration = built.buildDuration;
    }

    /** A builder for a model from the whole database: contents, packages, subscribers, views. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The contents the subscriber is most likely to pick next, best first: at most {@code limit},
     * fewer when the subscriber is entitled to fewer contents not yet viewed.
     *
     * @param subscriberId the subscriber
     * @param terminalId one of the subscriber's terminals, whose views then weigh more; or {@code
     *     null} for the subscriber as a whole
     * @param limit how many, 1..{@value #MAX_LIMIT}
     * @return the list; empty for a subscriber unknown to the model or entitled to nothing
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    public List<Recommendation> recommend(String subscriberId, String terminalId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        Objects.requireNonNull(subscriberId, "subscriberId");
        SubscriberState state = subscribers.get(subscriberId);
        if (state == null || state.entitlements.isEmpty() || contentIds.length == 0) {
            return List.of();
        }
        Scratch scratch = scratches.poll();
        if (scratch == null) {
            scratch = new Scratch(contentIds.length, MAX_LIMIT, settings.historyWindow());
        }
        try {
            return rank(state, terminalId, limit, scratch);
        } finally {
            scratches.offer(scratch);
        }
    }

    private List<Recommendation> rank(SubscriberState state, String terminalId, int limit, Scratch scratch) {
        scratch.begin();
        if (settings.excludeViewed()) {
            for (int j : state.items) {
                scratch.block(j);
            }
            for (int j : state.earlier) {
                scratch.block(j);
            }
        }
        double share = settings.popularityWeight();

        // co-views: sim(h, j) summed over the recent history h, weighted by recency and terminal
        int n = state.items.length;
        if (n > 0 && share < 1) {
            double total = 0;
            for (int r = 0; r < n; r++) {
                double w = recencyWeights[r];
                if (terminalId != null && terminalId.equals(state.terminals[n - 1 - r])) {
                    w *= settings.terminalWeight();
                }
                scratch.weights[r] = w;
                total += w;
            }
            // between a weighted mean (one view as telling as fifty) and a sum (a long history
            // drowning popularity): the sum over the square root of the total weight
            double scale = (1 - share) / Math.sqrt(total);
            int[] offsets = neighbours.offsets;
            int[] items = neighbours.items;
            float[] similarities = neighbours.similarities;
            for (int r = 0; r < n; r++) {
                int h = state.items[n - 1 - r];
                float weight = (float) (scratch.weights[r] * scale);
                for (int k = offsets[h], end = offsets[h + 1]; k < end; k++) {
                    int j = items[k];
                    scratch.touch(j);
                    scratch.coView[j] += weight * similarities[k];
                }
            }
        }

        // popularity: the sparse segment levels now, the global distribution term per candidate
        PopularityNode node = state.popularity;
        for (int l = 0; l < node.levelItems.length; l++) {
            float coefficient = (float) (share * node.levelCoefficients[l]);
            int[] items = node.levelItems[l];
            float[] counts = node.levelCounts[l];
            for (int k = 0; k < items.length; k++) {
                int j = items[k];
                scratch.touch(j);
                scratch.segment[j] += coefficient * counts[k];
            }
        }
        double globalCoefficient = share * node.globalCoefficient;

        TopN top = scratch.top;
        top.reset(limit);
        Entitlements rights = state.entitlements;
        for (int t = 0; t < scratch.touchedCount; t++) {
            int j = scratch.touched[t];
            if (!scratch.blocked(j) && rights.allows(j, packageContents)) {
                top.offer(j, scratch.coView[j] + scratch.segment[j] + globalCoefficient * globalPopularity[j]);
            }
        }
        // the untouched contents score by global popularity alone: walk them from the most
        // popular until none can enter the list any more
        for (int j : globalRanking) {
            double score = globalCoefficient * globalPopularity[j];
            if (top.full() && score < top.worstScore()) {
                break;
            }
            if (!scratch.touched(j) && !scratch.blocked(j) && rights.allows(j, packageContents)) {
                top.offer(j, score);
            }
        }

        int count = top.drainBestFirst(scratch.resultItems, scratch.resultScores);
        Recommendation[] list = new Recommendation[count];
        for (int k = 0; k < count; k++) {
            int j = scratch.resultItems[k];
            double global = globalCoefficient * globalPopularity[j];
            double coView = scratch.touched(j) ? scratch.coView[j] : 0;
            double segment = scratch.touched(j) ? scratch.segment[j] : 0;
            Recommendation.Reason reason;
            if (coView > 0 && coView >= segment + global) {
                reason = Recommendation.Reason.CO_VIEW;
            } else if (segment > 0 && segment >= global) {
                reason = Recommendation.Reason.SEGMENT_POPULAR;
            } else {
                reason = Recommendation.Reason.POPULAR;
            }
            list[k] = new Recommendation(contentIds[j], scratch.resultScores[k], reason);
        }
        return List.of(list);
    }

    /**
     * Appends a view to the subscriber's history (placed by its time), so that the next list
     * reflects it. A subscriber unknown to the model is added with {@link Segment#UNKNOWN} and no
     * entitlements.
     *
     * @return {@code false} (and nothing recorded) if the content is unknown to the model
     */
    public boolean recordView(String subscriberId, String terminalId, String contentId, Instant at) {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(contentId, "contentId");
        long time = epochMillis(at);
        Integer item = contentIndex.get(contentId);
        if (item == null) {
            return false;
        }
        int window = settings.historyWindow();
        subscribers.compute(subscriberId, (id, state) -> (state != null ? state : newSubscriber(Segment.UNKNOWN))
                .withView(item, terminalId, time, window));
        recordedViews.increment();
        return true;
    }

    /**
     * Replaces the subscriber's entitlements; ids unknown to the model are ignored. A subscriber
     * unknown to the model is added with {@link Segment#UNKNOWN}.
     */
    public void setEntitlements(String subscriberId, Collection<String> contentIds, Collection<String> packageIds) {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Entitlements rights = Entitlements.of(ordinals(packageIds, packageIndex), ordinals(contentIds, contentIndex));
        subscribers.compute(subscriberId, (id, state) -> (state != null ? state : newSubscriber(Segment.UNKNOWN))
                .withEntitlements(rights));
    }

    /**
     * Adds a subscriber with no history and no entitlements; for a subscriber already known,
     * changes only the segment (history and entitlements stay).
     */
    public void addSubscriber(String subscriberId, Segment segment) {
        Objects.requireNonNull(subscriberId, "subscriberId");
        Segment known = segment != null ? segment : Segment.UNKNOWN;
        PopularityNode node = resolve(known);
        subscribers.compute(
                subscriberId,
                (id, state) -> state == null ? SubscriberState.empty(known, node) : state.withSegment(known, node));
    }

    /**
     * Forgets a subscriber (their history and entitlements).
     *
     * @return whether the subscriber was known
     */
    public boolean removeSubscriber(String subscriberId) {
        Objects.requireNonNull(subscriberId, "subscriberId");
        return subscribers.remove(subscriberId) != null;
    }

    /** Whether the subscriber is known to the model. */
    public boolean hasSubscriber(String subscriberId) {
        return subscribers.containsKey(subscriberId);
    }

    /** Whether the content is known to the model (was added before the last build). */
    public boolean hasContent(String contentId) {
        return contentIndex.containsKey(contentId);
    }

    public RecommenderSettings settings() {
        return settings;
    }

    /** Sizes of the model now, and what its build cost. */
    public Stats stats() {
        return new Stats(
                contentIds.length,
                packageContents.length,
                subscribers.size(),
                popularity.segments(),
                builtViews,
                neighbours.pairs(),
                ignoredReferences,
                recordedViews.sum(),
                buildDuration);
    }

    /**
     * Sizes of a model.
     *
     * @param contents contents known (fixed at build)
     * @param packages packages known (fixed at build)
     * @param subscribers subscribers known now (builds plus additions minus removals)
     * @param segments segments with a popularity of their own (at either level)
     * @param views views the build used (of known contents)
     * @param neighbourPairs (content, neighbour) pairs kept
     * @param ignoredReferences views, package members and entitlements the build ignored because
     *     they named a content or package never added
     * @param recordedViews views recorded since the build
     * @param buildDuration how long {@link Builder#build} took
     */
    public record Stats(
            int contents,
            int packages,
            int subscribers,
            int segments,
            long views,
            long neighbourPairs,
            long ignoredReferences,
            long recordedViews,
            Duration buildDuration) {}

    private SubscriberState newSubscriber(Segment segment) {
        return SubscriberState.empty(segment, resolve(segment));
    }

    /** The most specific popularity the model has for a segment. */
    private PopularityNode resolve(Segment segment) {
        return popularity.resolve(segment);
    }

    private static int[] ordinals(Collection<String> ids, Map<String, Integer> index) {
        if (ids == null || ids.isEmpty()) {
            return new int[0];
        }
        Ints result = new Ints(ids.size());
        for (String id : ids) {
            Integer ordinal = id == null ? null : index.get(id);
            if (ordinal != null) {
                result.add(ordinal);
            }
        }
        return result.toArray();
    }

    private static long epochMillis(Instant at) {
        Objects.requireNonNull(at, "at");
        try {
            return at.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("view time out of range: " + at, e);
        }
    }

    /**
     * Collects the database (contents, packages, subscribers with their segment, entitlements and
     * views) in any order, then {@link #build}s a model. References are resolved at build time:
     * a subscriber named by an entitlement or a view is added with {@link Segment#UNKNOWN} if it
     * was not added; a content or package never added is ignored where it is named (counted in
     * {@link Stats#ignoredReferences()}). Not thread-safe; it may build several models.
     */
    public static final class Builder {

        private final Map<String, Integer> contentSlots = new HashMap<>();
        private final List<String> contentNames = new ArrayList<>();
        private final BitSet declaredContents = new BitSet();
        private final Map<String, Ints> packages = new LinkedHashMap<>();
        private final Map<String, Draft> subscribers = new LinkedHashMap<>();

        private Builder() {}

        /** Adds a content (again: no effect). */
        public Builder addContent(String contentId) {
            declaredContents.set(slot(contentId));
            return this;
        }

        /** Adds a package of contents, or more contents to a package already added. */
        public Builder addPackage(String packageId, Collection<String> contentIds) {
            Objects.requireNonNull(packageId, "packageId");
            Ints members = packages.computeIfAbsent(packageId, k -> new Ints());
            for (String contentId : contentIds) {
                members.add(slot(contentId));
            }
            return this;
        }

        /** Adds a subscriber, or sets the segment of one already named. */
        public Builder addSubscriber(String subscriberId, Segment segment) {
            draft(subscriberId).segment = segment != null ? segment : Segment.UNKNOWN;
            return this;
        }

        /** Entitles the subscriber to one content (a direct purchase). */
        public Builder entitleContent(String subscriberId, String contentId) {
            draft(subscriberId).contents.add(slot(contentId));
            return this;
        }

        /** Entitles the subscriber to every content of a package. */
        public Builder entitlePackage(String subscriberId, String packageId) {
            Objects.requireNonNull(packageId, "packageId");
            draft(subscriberId).packages.add(packageId);
            return this;
        }

        /** Adds one view to the subscriber's history; {@code terminalId} may be {@code null}. */
        public Builder addView(String subscriberId, String terminalId, String contentId, Instant at) {
            long time = epochMillis(at);
            Draft draft = draft(subscriberId);
            draft.views.add(slot(contentId));
            draft.times.add(time);
            draft.terminals.add(draft.share(terminalId));
            return this;
        }

        private int slot(String contentId) {
            Objects.requireNonNull(contentId, "contentId");
            Integer slot = contentSlots.get(contentId);
            if (slot == null) {
                slot = contentNames.size();
                contentSlots.put(contentId, slot);
                contentNames.add(contentId);
            }
            return slot;
        }

        private Draft draft(String subscriberId) {
            Objects.requireNonNull(subscriberId, "subscriberId");
            return subscribers.computeIfAbsent(subscriberId, k -> new Draft());
        }

        /**
         * Builds the model: numbers contents in the order of their ids, computes the co-view
         * neighbours and the segments' popularity, and makes each subscriber's state.
         */
        public RecommendationModel build(RecommenderSettings settings) {
            Objects.requireNonNull(settings, "settings");
            long start = System.nanoTime();
            Result result = new Result();
            result.settings = settings;
            long ignored = 0;

            // contents, numbered in id order so that ties break the same way in every build
            String[] ids = declaredContents.stream()
                    .mapToObj(contentNames::get)
                    .sorted()
                    .toArray(String[]::new);
            int contents = ids.length;
            Map<String, Integer> contentIndex = new HashMap<>(Math.max(16, contents * 2));
            for (int i = 0; i < contents; i++) {
                contentIndex.put(ids[i], i);
            }
            int[] slotOrdinal = new int[contentNames.size()];
            for (int s = 0; s < slotOrdinal.length; s++) {
                Integer ordinal = contentIndex.get(contentNames.get(s));
                slotOrdinal[s] = ordinal != null ? ordinal : -1;
            }
            result.contentIds = ids;
            result.contentIndex = Map.copyOf(contentIndex);

            // packages: one bit set per package over the content ordinals
            String[] packageIds = packages.keySet().stream().sorted().toArray(String[]::new);
            Map<String, Integer> packageIndex = new HashMap<>();
            long[][] packageContents = new long[packageIds.length][(contents + 63) >>> 6];
            for (int p = 0; p < packageIds.length; p++) {
                packageIndex.put(packageIds[p], p);
                Ints members = packages.get(packageIds[p]);
                for (int k = 0; k < members.size(); k++) {
                    int ordinal = slotOrdinal[members.get(k)];
                    if (ordinal < 0) {
                        ignored++;
                    } else {
                        packageContents[p][ordinal >>> 6] |= 1L << ordinal;
                    }
                }
            }
            result.packageIndex = Map.copyOf(packageIndex);
            result.packageContents = packageContents;

            // subscribers: histories in time order, the window, the distinct contents viewed
            int subscriberCount = subscribers.size();
            String[] subscriberIds = new String[subscriberCount];
            Prepared[] prepared = new Prepared[subscriberCount];
            Map<Entitlements, Entitlements> sharedRights = new HashMap<>();
            int window = settings.historyWindow();
            Ints windowOffsets = new Ints(subscriberCount + 1);
            Ints windowItems = new Ints(1024);
            Ints viewedOffsets = new Ints(subscriberCount + 1);
            Ints viewedItems = new Ints(1024);
            windowOffsets.add(0);
            viewedOffsets.add(0);
            long views = 0;
            int u = 0;
            for (Map.Entry<String, Draft> entry : subscribers.entrySet()) {
                Draft draft = entry.getValue();
                subscriberIds[u] = entry.getKey();
                Prepared p = draft.prepare(slotOrdinal, window);
                ignored += p.ignored;
                views += p.views;

                int[] packageOrdinals = new int[draft.packages.size()];
                int np = 0;
                for (String packageId : draft.packages) {
                    Integer ordinal = packageIndex.get(packageId);
                    if (ordinal == null) {
                        ignored++;
                    } else {
                        packageOrdinals[np++] = ordinal;
                    }
                }
                Ints directContents = new Ints(draft.contents.size());
                for (int k = 0; k < draft.contents.size(); k++) {
                    int ordinal = slotOrdinal[draft.contents.get(k)];
                    if (ordinal < 0) {
                        ignored++;
                    } else {
                        directContents.add(ordinal);
                    }
                }
                Entitlements rights = Entitlements.of(Arrays.copyOf(packageOrdinals, np), directContents.toArray());
                p.rights = sharedRights.computeIfAbsent(rights, r -> r);
                prepared[u] = p;

                for (int j : p.windowDistinct) {
                    windowItems.add(j);
                }
                windowOffsets.add(windowItems.size());
                for (int j : p.viewedDistinct) {
                    viewedItems.add(j);
                }
                viewedOffsets.add(viewedItems.size());
                u++;
            }

            // co-view neighbours
            result.neighbours = CoViewNeighbours.build(
                    contents,
                    windowOffsets.toArray(),
                    windowItems.toArray(),
                    settings.neighbours(),
                    settings.shrinkage());

            // popularity: global, then segments and their coarser segments
            Segment[] segments = new Segment[subscriberCount];
            for (int s = 0; s < subscriberCount; s++) {
                segments[s] = prepared[s].segment;
            }
            result.popularity = SegmentPopularity.compute(
                    contents, segments, viewedOffsets.toArray(), viewedItems.toArray(), settings);

            // recency weights by rank, most recent first
            double[] recency = new double[window];
            for (int r = 0; r < window; r++) {
                recency[r] = Math.pow(0.5, r / settings.recencyHalfLife());
            }
            result.recencyWeights = recency;

            ConcurrentHashMap<String, SubscriberState> states =
                    new ConcurrentHashMap<>(Math.max(16, subscriberCount * 4 / 3 + 1));
            for (int s = 0; s < subscriberCount; s++) {
                Prepared p = prepared[s];
                PopularityNode node = result.popularity.resolve(p.segment);
                states.put(
                        subscriberIds[s],
                        new SubscriberState(p.segment, node, p.rights, p.items, p.times, p.terminals, p.earlier));
            }
            result.subscribers = states;
            result.views = views;
            result.ignoredReferences = ignored;
            result.buildDuration = Duration.ofNanos(System.nanoTime() - start);
            return new RecommendationModel(result);
        }

        /** Per subscriber, what the builder collected. */
        private static final class Draft {
            Segment segment = Segment.UNKNOWN;
            final Ints views = new Ints(4);
            final Longs times = new Longs();
            final List<String> terminals = new ArrayList<>(4);
            final List<String> terminalIds = new ArrayList<>(2);
            final Ints contents = new Ints(2);
            final List<String> packages = new ArrayList<>(2);

            /** One instance per distinct terminal id of this subscriber. */
            String share(String terminalId) {
                if (terminalId == null) {
                    return null;
                }
                for (String t : terminalIds) {
                    if (t.equals(terminalId)) {
                        return t;
                    }
                }
                terminalIds.add(terminalId);
                return terminalId;
            }

            Prepared prepare(int[] slotOrdinal, int window) {
                Prepared p = new Prepared();
                p.segment = segment;
                int n = views.size();
                int[] order = new int[n];
                boolean sorted = true;
                for (int k = 0; k < n; k++) {
                    order[k] = k;
                    if (k > 0 && times.get(k) < times.get(k - 1)) {
                        sorted = false;
                    }
                }
                if (!sorted) {
                    Integer[] boxed = new Integer[n];
                    for (int k = 0; k < n; k++) {
                        boxed[k] = k;
                    }
                    Arrays.sort(boxed, Comparator.comparingLong(times::get)); // stable: same times keep their order
                    for (int k = 0; k < n; k++) {
                        order[k] = boxed[k];
                    }
                }
                int[] items = new int[n];
                long[] at = new long[n];
                String[] on = new String[n];
                int kept = 0;
                for (int k = 0; k < n; k++) {
                    int v = order[k];
                    int ordinal = slotOrdinal[views.get(v)];
                    if (ordinal < 0) {
                        p.ignored++;
                        continue;
                    }
                    items[kept] = ordinal;
                    at[kept] = times.get(v);
                    on[kept] = terminals.get(v);
                    kept++;
                }
                p.views = kept;
                int from = Math.max(0, kept - window);
                p.items = Arrays.copyOfRange(items, from, kept);
                p.times = Arrays.copyOfRange(at, from, kept);
                p.terminals = Arrays.copyOfRange(on, from, kept);
                p.earlier = Entitlements.distinctSorted(Arrays.copyOf(items, from));
                p.windowDistinct = Entitlements.distinctSorted(p.items);
                p.viewedDistinct = Entitlements.distinctSorted(Arrays.copyOf(items, kept));
                return p;
            }
        }

        /** Per subscriber, the draft resolved against the content ordinals. */
        private static final class Prepared {
            Segment segment;
            Entitlements rights;
            int[] items;
            long[] times;
            String[] terminals;
            int[] earlier;
            int[] windowDistinct;
            int[] viewedDistinct;
            long views;
            long ignored;
        }

        /** What a build hands to the model's constructor. */
        private static final class Result {
            RecommenderSettings settings;
            String[] contentIds;
            Map<String, Integer> contentIndex;
            Map<String, Integer> packageIndex;
            long[][] packageContents;
            CoViewNeighbours neighbours;
            SegmentPopularity popularity;
            double[] recencyWeights;
            ConcurrentHashMap<String, SubscriberState> subscribers;
            long views;
            long ignoredReferences;
            Duration buildDuration;
        }
    }
}
