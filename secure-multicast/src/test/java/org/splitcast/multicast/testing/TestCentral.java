package org.splitcast.multicast.testing;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.multicast.auth.InMemoryChallengeStore;
import org.splitcast.multicast.auth.SessionAuthenticator;
import org.splitcast.multicast.chunk.DeflateAesGcmChunkSealer;
import org.splitcast.multicast.devserver.DevCentralServer;
import org.splitcast.multicast.group.GroupPolicy;
import org.splitcast.multicast.group.MulticastGroup;
import org.splitcast.multicast.keys.LiveSigner;
import org.splitcast.multicast.publish.LivePublisher;
import org.splitcast.multicast.publish.MainStreamWindow;
import org.splitcast.multicast.publish.StoredStreamSource;

/**
 * The in-test central server: a {@link LivePublisher} on a loopback cluster and the development
 * REST API in front of it, with a fresh live signing key.
 */
public final class TestCentral implements AutoCloseable {

    public static final CryptoProvider CRYPTO = CryptoProvider.getDefault();

    public final LoopbackCluster cluster;
    public final LiveSigner signer = LiveSigner.generate("live-test", CRYPTO);
    public final LivePublisher publisher;
    public final DevCentralServer api;

    public TestCentral(Path work) throws Exception {
        cluster = new LoopbackCluster(work);
        publisher = new LivePublisher(
                cluster.newChannel("central", "central"),
                cluster.clusterName,
                signer,
                new DeflateAesGcmChunkSealer(CRYPTO),
                CRYPTO,
                Clock.systemUTC());
        publisher.start();
        api = new DevCentralServer(
                publisher,
                new SessionAuthenticator(
                        new InMemoryChallengeStore(1000, Clock.systemUTC()),
                        Duration.ofMinutes(1),
                        Clock.systemUTC(),
                        CRYPTO),
                signer.verifier().toText(),
                new InetSocketAddress(LoopbackCluster.LOOPBACK, 0));
        api.start();
    }

    /** Opens a group (id = content id) replaying {@code media} at {@code speed}. */
    public MulticastGroup openGroup(
            String contentId, TestMedia.Separated media, boolean loop, double speed, GroupPolicy policy)
            throws Exception {
        return publisher.openGroup(
                contentId,
                contentId,
                policy,
                new StoredStreamSource(media.main(), media.complementary(), loop),
                new MainStreamWindow(256),
                speed);
    }

    @Override
    public void close() {
        api.close();
        publisher.stop();
    }
}
