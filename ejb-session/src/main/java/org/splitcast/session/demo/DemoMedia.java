package org.splitcast.session.demo;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.error.SplitcastException;
import org.splitcast.registry.content.ContentDirectory;
import org.splitcast.session.ingest.IngestService;
import org.splitcast.session.ingest.internal.MediaVersions;

/**
 * Ingests the demo clip ({@code demo/demo-clip.ts}, 30 s of a test pattern and a tone) for the demo
 * contents that have never been ingested, a few seconds after the application has started (after
 * the demo data). {@code splitcast.demo-media.enabled} (default: as {@code
 * splitcast.demo-data.enabled}) switches it off.
 */
@Singleton
@Startup
@RunAs(OPERATOR_ROLE)
@PermitAll // a bean with security metadata denies its unannotated methods
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoMedia {

    private static final Logger LOG = Logger.getLogger(DemoMedia.class);
    static final String CLIP = "/demo/demo-clip.ts";
    static final List<String> CONTENTS = List.of(
            "big-buck-bunny",
            "sintel",
            "tears-of-steel",
            "elephants-dream",
            "cosmos-laundromat",
            "match-of-the-day",
            "cycling-highlights");

    /** Tries, 5 s apart, to find the demo contents written (5 minutes). */
    static final int MAX_ATTEMPTS = 60;

    private int attempts;

    @Inject
    @ConfigProperty(name = "splitcast.demo-media.enabled")
    boolean enabled;

    @Resource
    TimerService timers;

    @EJB
    IngestService ingest;

    @EJB
    MediaVersions versions;

    @EJB
    ContentDirectory contents;

    @PostConstruct
    void schedule() {
        if (enabled) {
            timers.createSingleActionTimer(5_000, new TimerConfig("splitcast-demo-media", false));
        }
    }

    @Timeout
    void ingestDemoClips(Timer timer) {
        // on a slow start the demo data (a timer of the registry) may not be written yet: wait for it
        if (CONTENTS.stream().allMatch(id -> contents.find(id).isEmpty()) && ++attempts < MAX_ATTEMPTS) {
            timers.createSingleActionTimer(5_000, new TimerConfig("splitcast-demo-media", false));
            return;
        }
        int queued = 0;
        for (String contentId : CONTENTS) {
            if (contents.find(contentId).isEmpty() || versions.latest(contentId).isPresent()) {
                continue;
            }
            try (InputStream clip = DemoMedia.class.getResourceAsStream(CLIP)) {
                if (clip == null) {
                    LOG.warnf("The demo clip %s is missing from the application", CLIP);
                    return;
                }
                ingest.upload(contentId, clip);
                queued++;
            } catch (SplitcastException | java.io.IOException | RuntimeException e) {
                LOG.warnf("Demo media for %s not ingested: %s", contentId, e.getMessage());
            }
        }
        if (queued > 0) {
            LOG.infof("Demo media: the demo clip is being ingested for %d contents", queued);
        }
    }
}
