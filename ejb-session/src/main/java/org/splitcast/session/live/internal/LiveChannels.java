package org.splitcast.session.live.internal;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.jgroups.SplitcastStacks;
import org.splitcast.multicast.chunk.DeflateAesGcmChunkSealer;
import org.splitcast.multicast.group.GroupMetrics;
import org.splitcast.multicast.group.GroupPolicy;
import org.splitcast.multicast.group.MulticastGroup;
import org.splitcast.multicast.keys.LiveSigner;
import org.splitcast.multicast.publish.LivePublisher;
import org.splitcast.multicast.publish.MainStreamWindow;
import org.splitcast.registry.content.ContentDirectory;
import org.splitcast.session.ingest.internal.MediaVersion;
import org.splitcast.session.ingest.internal.MediaVersions;
import org.splitcast.session.live.LiveChannelSettings;
import org.splitcast.session.media.MediaStore;

/**
 * Owns the live publisher (claims 5, 6 and 9): its JGroups channel on the secure stacks of
 * jgroups-config, the live signing key (made once, kept sealed by the key vault so that edges and
 * terminals keep trusting it across restarts), and the open live channels, each a content's stored
 * version replayed at its own rate into a {@link MulticastGroup}. The publisher seals and sends a
 * group's chunks only while the group has a member with a valid session key.
 *
 * <p>Started a second after deployment (a timer: the JGroups join takes seconds); the demo channel
 * ({@code splitcast.live.demo-channel}, the content of the same id) opens as soon as that content's
 * stored version is ready. Sessions live in memory in the group's key tree and, SK sealed, in the
 * database; a restart ends them (their terminals open new ones).
 */
@Singleton
@Startup
@RunAs(OPERATOR_ROLE)
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LiveChannels {

    private static final Logger LOG = Logger.getLogger(LiveChannels.class);
    /** The main-stream window: 256 chunks (about 8 minutes of 2-second chunks). */
    static final int WINDOW_CHUNKS = 256;

    /** An open channel. */
    public record Channel(String groupId, String contentId, String versionId, MulticastGroup group) {}

    @Inject
    @ConfigProperty(name = "splitcast.live.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "splitcast.live.dir")
    String directory;

    @Inject
    @ConfigProperty(name = "splitcast.live.jgroups.properties")
    Optional<String> stackPropertiesFile;

    @Inject
    @ConfigProperty(name = "splitcast.live.jgroups.stack", defaultValue = "tcp")
    String stack;

    @Inject
    @ConfigProperty(name = "splitcast.live.cluster", defaultValue = SplitcastStacks.DEFAULT_CLUSTER_NAME)
    String cluster;

    @Inject
    @ConfigProperty(name = "splitcast.live.bind-address", defaultValue = "127.0.0.1")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "splitcast.live.port-base")
    Optional<Integer> portBase;

    @Inject
    @ConfigProperty(name = "splitcast.live.demo-channel")
    Optional<String> demoChannel;

    @Inject
    @ConfigProperty(name = "splitcast.demo-media.enabled", defaultValue = "false")
    boolean demoMedia;

    @Inject
    @ConfigProperty(name = "splitcast.live.key-period", defaultValue = "PT5M")
    Duration keyPeriod;

    @Inject
    @ConfigProperty(name = "splitcast.live.session-lifetime", defaultValue = "PT10M")
    Duration sessionLifetime;

    @Resource
    TimerService timers;

    @EJB
    LiveStore store;

    @EJB
    MediaVersions versions;

    @EJB
    ContentDirectory contents;

    @Inject
    MediaStore media;

    private final CryptoProvider crypto = CryptoProvider.getDefault();
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private volatile LivePublisher publisher;
    private volatile LiveSigner signer;
    private volatile String verificationKey;
    private volatile boolean demoPending;
    private int demoAttempts;
    /** Tries, 5 s apart, to find the demo content ingested (10 minutes). */
    static final int DEMO_ATTEMPTS = 120;

    @PostConstruct
    void schedule() {
        if (enabled) {
            // the demo channel replays the demo media: only where the demo clip is ingested
            demoPending = demoMedia && demoChannel.filter(s -> !s.isBlank()).isPresent();
            timers.createSingleActionTimer(1_000, new TimerConfig("splitcast-live-start", false));
        } else {
            LOG.info("Live channels are switched off (splitcast.live.enabled=false)");
        }
    }

    @Timeout
    void timeout(Timer timer) {
        if (publisher == null) {
            try {
                start();
            } catch (Exception e) {
                LOG.warnf("Live channels: the publisher did not start (%s); retrying in 30 s", e.toString());
                LOG.debugf(e, "the publisher's start");
                timers.createSingleActionTimer(30_000, new TimerConfig("splitcast-live-start", false));
                return;
            }
        }
        if (demoPending) {
            try {
                openDemoChannel();
            } catch (RuntimeException e) {
                LOG.debugf("Live demo channel not opened yet: %s", e.toString());
            }
            if (demoPending) {
                timers.createSingleActionTimer(5_000, new TimerConfig("splitcast-live-demo", false));
            }
        }
    }

    @PreDestroy
    void stop() {
        LivePublisher p = publisher;
        publisher = null;
        for (Channel c : List.copyOf(channels.values())) {
            try {
                store.endSessionsOfGroup(c.groupId(), "CLOSED", Instant.now());
            } catch (RuntimeException e) {
                LOG.debugf("ending the sessions of %s: %s", c.groupId(), e.getMessage());
            }
        }
        channels.clear();
        if (p != null) {
            p.stop();
            LOG.info("Live publisher stopped");
        }
    }

    private synchronized void start() throws Exception {
        if (publisher != null) {
            return;
        }
        Path dir = Path.of(directory);
        Files.createDirectories(dir);
        LiveStore.StoredSigningKey stored = store.signingKey(() -> LiveSigner.generateKeyPair(crypto));
        byte[] pkcs8 = stored.privateKey();
        LiveSigner s;
        try {
            KeyFactory ec = crypto.keyFactory("EC");
            PrivateKey privateKey = ec.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            PublicKey publicKey = ec.generatePublic(new X509EncodedKeySpec(stored.publicKey()));
            s = new LiveSigner(stored.keyId(), privateKey, publicKey, crypto);
        } finally {
            SecretKeys.wipe(pkcs8);
        }
        Map<String, String> props;
        if (stackPropertiesFile.filter(f -> !f.isBlank()).isPresent()) {
            props = new java.util.HashMap<>();
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newInputStream(Path.of(stackPropertiesFile.get()))) {
                p.load(in);
            }
            p.forEach((k, v) -> props.put(k.toString(), v.toString()));
        } else {
            int base = portBase.orElse(20_060 + 10 * Integer.getInteger("jboss.socket.binding.port-offset", 0));
            props = ClusterCredentials.centralProperties(dir.resolve("cluster"), bindAddress, base);
        }
        String key = s.verifier().toText();
        Files.writeString(dir.resolve("live.key"), key + "\n");
        LivePublisher p = new LivePublisher(
                SplitcastStacks.newChannel(SplitcastStacks.Transport.of(stack), props),
                cluster,
                s,
                new DeflateAesGcmChunkSealer(crypto),
                crypto,
                Clock.systemUTC());
        p.start();
        signer = s;
        verificationKey = key;
        publisher = p;
        LOG.infof(
                "Live publisher on cluster %s (%s stack, %s:%s), signing key %s; edges: %s",
                cluster,
                stack,
                props.get(SplitcastStacks.BIND_ADDR),
                props.get(SplitcastStacks.BIND_PORT),
                s.keyId(),
                dir);
    }

    private void openDemoChannel() {
        String groupId = demoChannel.orElseThrow().trim();
        if (channels.containsKey(groupId)) {
            demoPending = false;
            return;
        }
        // the demo data and the demo clip's ingest come a few seconds after the start: wait for them
        if (contents.find(groupId).isEmpty() || versions.published(groupId).isEmpty()) {
            if (++demoAttempts >= DEMO_ATTEMPTS) {
                LOG.infof(
                        "Live demo channel %s not opened: no content of that id with a stored version after %d s",
                        groupId, DEMO_ATTEMPTS * 5);
                demoPending = false;
            }
            return;
        }
        try {
            open(groupId, new LiveChannelSettings(groupId, null, null, null, true, null));
            demoPending = false;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Live demo channel %s not opened: %s", groupId, e.getMessage());
        }
    }

    /** Whether the publisher is up. */
    public boolean running() {
        return publisher != null;
    }

    /**
     * Opens a channel (closing one of the same id first): the content's published version,
     * replayed from the media store.
     *
     * @throws IllegalStateException if the publisher is not up yet
     * @throws IllegalArgumentException if the content has no published version
     */
    public synchronized Channel open(String groupId, LiveChannelSettings settings) throws IOException {
        LivePublisher p = requirePublisher();
        String contentId = settings.contentId();
        MediaVersion version = versions.published(contentId)
                .orElseThrow(() -> new IllegalArgumentException("content '" + contentId + "' has no stored version"));
        close(groupId);
        GroupPolicy policy = GroupPolicy.defaults()
                .withKeyPeriod(settings.keyPeriod() != null ? settings.keyPeriod() : keyPeriod)
                .withSessionLifetime(settings.sessionLifetime() != null ? settings.sessionLifetime() : sessionLifetime)
                .withOnRevoke(
                        Boolean.TRUE.equals(settings.revokeAtOnce())
                                ? GroupPolicy.Effect.IMMEDIATE
                                : GroupPolicy.Effect.NEXT_PERIOD)
                .withReplayFrames(256);
        byte[] kc = contents.openContentKey(contentId, version.keyId());
        SealedStoreSource source;
        try {
            source = new SealedStoreSource(
                    media.localFile(version.mainObject()),
                    media.localFile(version.complementaryObject()),
                    kc,
                    settings.loop() == null || settings.loop(),
                    crypto);
        } catch (org.splitcast.protection.store.ProtectedStoreException e) {
            throw new IOException("the stored version " + version.id() + " is unusable: " + e.getMessage(), e);
        } finally {
            SecretKeys.wipe(kc);
        }
        store.endSessionsOfGroup(groupId, "CLOSED", Instant.now()); // left over from a previous run
        MulticastGroup group = p.openGroup(
                groupId,
                contentId,
                policy,
                source,
                new MainStreamWindow(WINDOW_CHUNKS),
                settings.speed() != null ? settings.speed() : 1.0);
        Channel c = new Channel(groupId, contentId, version.id(), group);
        channels.put(groupId, c);
        LOG.infof(
                "Live channel %s open: content %s, version %s (%d chunks), key period %s, sessions %s",
                groupId, contentId, version.id(), source.chunkCount(), policy.keyPeriod(), policy.sessionLifetime());
        return c;
    }

    /** Closes a channel; false if none was open. */
    public synchronized boolean close(String groupId) {
        Channel c = channels.remove(groupId);
        if (c == null) {
            return false;
        }
        LivePublisher p = publisher;
        if (p != null) {
            p.closeGroup(groupId);
        }
        store.endSessionsOfGroup(groupId, "CLOSED", Instant.now());
        LOG.infof("Live channel %s closed", groupId);
        return true;
    }

    public Channel channel(String groupId) {
        return groupId == null ? null : channels.get(groupId);
    }

    /** The channel broadcasting a content (the one of the same id first), or null. */
    public Channel channelOfContent(String contentId) {
        Channel same = channel(contentId);
        if (same != null && same.contentId().equals(contentId)) {
            return same;
        }
        return channels.values().stream()
                .filter(c -> c.contentId().equals(contentId))
                .findFirst()
                .orElse(null);
    }

    public List<Channel> channels() {
        List<Channel> out = new ArrayList<>(channels.values());
        out.sort(java.util.Comparator.comparing(Channel::groupId));
        return out;
    }

    public MainStreamWindow window(String groupId) {
        LivePublisher p = publisher;
        return p == null || !channels.containsKey(groupId) ? null : p.window(groupId);
    }

    public GroupMetrics metrics(String groupId) {
        LivePublisher p = publisher;
        return p == null ? null : p.metrics(groupId);
    }

    /** Removes a revoked terminal from every group (rekeyed per the channel's policy). */
    public int revokeTerminal(String terminalId) {
        int n = 0;
        for (Channel c : channels.values()) {
            n += c.group().revokeTerminal(terminalId);
        }
        return n;
    }

    /** {@code keyId:base64(SPKI)}, or null before the publisher is up. */
    public String verificationKey() {
        return verificationKey;
    }

    private LivePublisher requirePublisher() {
        LivePublisher p = publisher;
        if (p == null) {
            throw new IllegalStateException("the live publisher is not running yet");
        }
        return p;
    }
}
