package org.splitcast.license.recommendation.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.common.Timestamps;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.recommendation.ModelStatus;
import org.splitcast.license.recommendation.RecommendationList;
import org.splitcast.license.recommendation.RecommendationList.RecommendedContent;
import org.splitcast.recommendation.Recommendation;
import org.splitcast.recommendation.RecommendationModel;
import org.splitcast.recommendation.RecommenderSettings;
import org.splitcast.recommendation.Segment;
import org.splitcast.registry.content.ContentDirectory;
import org.splitcast.registry.content.ContentRecord;
import org.splitcast.registry.entitlement.EntitlementDirectory;
import org.splitcast.registry.entitlement.EntitlementDirectory.ValidEntitlement;
import org.splitcast.registry.subscriber.DemographicsData;
import org.splitcast.registry.subscriber.SubscriberDirectory;
import org.splitcast.registry.terminal.TerminalDirectory;
import org.splitcast.registry.terminal.TerminalRecord;

/**
 * {@link RecommendationEngine}: the model of this node, rebuilt from the database every {@code
 * splitcast.recommendation.rebuild-period} (and soon after the catalogue or the packages change),
 * kept current in between by the views, subscribers and entitlements the server sees.
 *
 * <p>Reads never lock: the model is swapped whole after a rebuild, and its own per-subscriber
 * updates are copy-on-write. One rebuild runs at a time; until the first one has finished, the
 * first request builds it. In a cluster every node has its own model from the same database: the
 * lists agree once each has rebuilt.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DefaultRecommendationEngine implements RecommendationEngine {

    private static final Logger LOG = Logger.getLogger(DefaultRecommendationEngine.class);

    /** A model and what it was built with. */
    private record Built(RecommendationModel model, Map<String, String[]> catalogue, Instant builtAt, long millis) {}

    @PersistenceContext
    EntityManager em;

    @EJB
    SubscriberDirectory subscribers;

    @EJB
    TerminalDirectory terminals;

    @EJB
    ContentDirectory contents;

    @EJB
    EntitlementDirectory entitlements;

    /** How often the model is rebuilt from the database (similarities and popularity). */
    @Inject
    @ConfigProperty(name = "splitcast.recommendation.rebuild-period", defaultValue = "PT10M")
    Duration rebuildPeriod;

    /** How many most similar contents each content keeps (the item-to-item neighbourhood). */
    @Inject
    @ConfigProperty(name = "splitcast.recommendation.neighbours", defaultValue = "50")
    int neighbours;

    /** How many of a subscriber's latest views make their profile. */
    @Inject
    @ConfigProperty(name = "splitcast.recommendation.history-window", defaultValue = "50")
    int historyWindow;

    /** The weight of the segment's popularity against the co-views, 0 to 1. */
    @Inject
    @ConfigProperty(name = "splitcast.recommendation.popularity-weight", defaultValue = "0.2")
    double popularityWeight;

    /** Whether contents the subscriber already viewed are left out. */
    @Inject
    @ConfigProperty(name = "splitcast.recommendation.exclude-viewed", defaultValue = "true")
    boolean excludeViewed;

    private volatile Built current;

    @Inject
    ViewRecorder views;

    /** The model in use from now on, also for the views of licenses ({@link ViewRecorder}). */
    private void publish(Built built) {
        current = built;
        views.use(built.model());
    }

    private final AtomicBoolean stale = new AtomicBoolean();
    private final ReentrantLock building = new ReentrantLock();

    @Override
    public RecommendationList recommend(String subscriberId, String terminalId, int limit)
            throws UnknownEntityException {
        if (!subscribers.exists(subscriberId)) {
            throw new UnknownEntityException("subscriber", subscriberId);
        }
        if (terminalId != null) {
            TerminalRecord terminal = terminals.find(terminalId).orElse(null);
            if (terminal == null || !terminal.subscriberId().equals(subscriberId)) {
                throw new UnknownEntityException("terminal of subscriber " + subscriberId, terminalId);
            }
        }
        Built built = built();
        List<RecommendedContent> items = built.model().recommend(subscriberId, terminalId, limit).stream()
                .filter(r -> built.catalogue().containsKey(r.contentId()))
                .map(r -> {
                    String[] info = built.catalogue().get(r.contentId());
                    return new RecommendedContent(
                            r.contentId(),
                            info[0],
                            info[1],
                            r.score(),
                            r.reason().name(),
                            null);
                })
                .toList();
        return new RecommendationList(subscriberId, terminalId, items, built.builtAt());
    }

    @Override
    public List<String> recommendedIds(String subscriberId, int limit) {
        return built().model().recommend(subscriberId, null, limit).stream()
                .map(Recommendation::contentId)
                .toList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ModelStatus rebuild() {
        building.lock();
        try {
            stale.set(false);
            publish(build());
        } finally {
            building.unlock();
        }
        return status();
    }

    @Override
    public ModelStatus status() {
        Built built = current;
        if (built == null) {
            return new ModelStatus(null, 0, 0, 0, 0);
        }
        RecommendationModel.Stats stats = built.model().stats();
        return new ModelStatus(built.builtAt(), built.millis(), stats.subscribers(), stats.contents(), stats.views());
    }

    /** Rebuilds when the period has passed or the catalogue changed; each node for itself. */
    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "recommendation-model-refresh")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void refresh() {
        Built built = current;
        boolean due = built == null
                || stale.get()
                || built.builtAt().plus(rebuildPeriod).isBefore(Instant.now());
        if (due && building.tryLock()) {
            try {
                stale.set(false);
                publish(build());
            } catch (RuntimeException e) {
                stale.set(true);
                LOG.errorf(e, "The recommendation model could not be rebuilt; the previous one stays in use");
            } finally {
                building.unlock();
            }
        }
    }

    @Override
    public void viewed(String subscriberId, String terminalId, String contentId, Instant at) {
        views.viewed(subscriberId, terminalId, contentId, at);
    }

    @Override
    public void subscriberAdded(String subscriberId, DemographicsData d) {
        Built built = current;
        if (built != null) {
            built.model().addSubscriber(subscriberId, new Segment(d.ageBand(), d.country(), d.category()));
        }
    }

    @Override
    public void subscriberRemoved(String subscriberId) {
        Built built = current;
        if (built != null) {
            built.model().removeSubscriber(subscriberId);
        }
    }

    @Override
    public void entitlementsChanged(String subscriberId) {
        Built built = current;
        if (built == null) {
            return;
        }
        List<String> contentIds = new ArrayList<>();
        List<String> packageIds = new ArrayList<>();
        for (ValidEntitlement e : entitlements.validFor(subscriberId, Instant.now())) {
            if (e.contentId() != null) {
                contentIds.add(e.contentId());
            } else {
                packageIds.add(e.packageId());
            }
        }
        built.model().setEntitlements(subscriberId, contentIds, packageIds);
    }

    @Override
    public void catalogueChanged() {
        stale.set(true);
    }

    private Built built() {
        Built built = current;
        if (built != null) {
            return built;
        }
        building.lock();
        try {
            if (current == null) {
                publish(build());
            }
            return current;
        } finally {
            building.unlock();
        }
    }

    private Built build() {
        long started = System.nanoTime();
        Instant now = Timestamps.now();
        RecommendationModel.Builder builder = RecommendationModel.builder();
        Map<String, String[]> catalogue = new HashMap<>();
        for (ContentRecord content : contents.all()) {
            builder.addContent(content.id());
            catalogue.put(content.id(), new String[] {content.title(), content.genre()});
        }
        contents.packageContents().forEach(builder::addPackage);
        for (SubscriberDirectory.SubscriberSegment s : subscribers.segments()) {
            DemographicsData d = s.demographics();
            builder.addSubscriber(s.subscriberId(), new Segment(d.ageBand(), d.country(), d.category()));
        }
        for (ValidEntitlement e : entitlements.validAt(now)) {
            if (e.contentId() != null) {
                builder.entitleContent(e.subscriberId(), e.contentId());
            } else {
                builder.entitlePackage(e.subscriberId(), e.packageId());
            }
        }
        long[] views = {0};
        em.createQuery(
                        "select i.subscriberId, i.terminalId, i.contentId, i.issuedAt from LicenseIssue i",
                        Object[].class)
                .getResultStream()
                .forEach(row -> {
                    builder.addView((String) row[0], (String) row[1], (String) row[2], (Instant) row[3]);
                    views[0]++;
                });
        em.createQuery(
                        "select a.subscriberId, a.terminalId, a.contentId, a.accessedAt from ContentAccess a",
                        Object[].class)
                .getResultStream()
                .forEach(row -> {
                    builder.addView((String) row[0], (String) row[1], (String) row[2], (Instant) row[3]);
                    views[0]++;
                });
        RecommendationModel model = builder.build(settings());
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof(
                "Recommendation model built in %d ms: %d contents, %d subscribers, %d views",
                millis, catalogue.size(), model.stats().subscribers(), views[0]);
        return new Built(model, Map.copyOf(catalogue), now, millis);
    }

    private RecommenderSettings settings() {
        return RecommenderSettings.defaults()
                .withNeighbours(neighbours)
                .withHistoryWindow(historyWindow)
                .withPopularityWeight(popularityWeight)
                .withExcludeViewed(excludeViewed);
    }
}
