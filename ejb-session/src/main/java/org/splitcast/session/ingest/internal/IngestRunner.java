package org.splitcast.session.ingest.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;
import org.splitcast.crypto.CryptoProvider;
import org.splitcast.crypto.SecretKeys;
import org.splitcast.protection.envelope.CompressionPolicy;
import org.splitcast.protection.envelope.EnvelopeContext;
import org.splitcast.protection.envelope.EnvelopeSealer;
import org.splitcast.protection.store.ProtectedStoreResealer;
import org.splitcast.protection.store.ProtectedStoreWriter;
import org.splitcast.registry.content.ContentDirectory;
import org.splitcast.registry.keys.KeyOwner;
import org.splitcast.registry.keys.KeyVault;
import org.splitcast.separation.SeparationOptions;
import org.splitcast.separation.SeparationReport;
import org.splitcast.separation.StreamReport;
import org.splitcast.separation.StreamSeparator;
import org.splitcast.separation.ts.StreamFormatException;
import org.splitcast.session.ingest.IngestState;
import org.splitcast.session.ingest.IngestView.SeparationResult;
import org.splitcast.session.ingest.IngestView.StreamResult;
import org.splitcast.session.media.MediaStore;
import org.splitcast.session.media.MediaStore.Staged;
import org.splitcast.session.media.MediaStore.StoredObject;

/**
 * The background half of an ingest, on the {@code splitcast-ingest} executor, outside any
 * transaction: the separation (claim 10's separating device) with a selection secret of the
 * version's own, the complementary information sealed under the content's current key as it is cut
 * (claim 4), both files staged, then published with the version in one step. Whatever goes wrong,
 * the staged files are dropped and the version says FAILED (or CANCELLED): never a half version.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IngestRunner {

    private static final Logger LOG = Logger.getLogger(IngestRunner.class);
    private static final int SECRET_BYTES = 32;
    private static final int BUFFER = 1 << 16;

    @EJB
    MediaVersions versions;

    @EJB
    IngestJobs jobs;

    @EJB
    ContentDirectory contents;

    @EJB
    KeyVault vault;

    @Inject
    MediaStore store;

    @EJB
    ResealScheduler resealing;

    private final CryptoProvider crypto = CryptoProvider.getDefault();

    /**
     * Separates {@code source} into the version's main stream and sealed complementary information
     * and publishes them; deletes {@code source} afterwards when {@code ownsSource} (an upload).
     */
    public void separate(String versionId, String contentId, Path source, boolean ownsSource, Staged upload) {
        IngestJobs.Job job = jobs.find(versionId).orElseGet(() -> jobs.start(versionId, null));
        Staged main = null;
        Staged complementary = null;
        try {
            if (job.cancelled() || cancelledElsewhere(versionId)) {
                throw new ProgressInputStream.Cancelled();
            }
            long size = Files.size(source);
            versions.moveTo(versionId, IngestState.SEPARATING, size);
            job.phase(size);
            String keyId = contents.currentKeyIds(List.of(contentId)).get(contentId);
            if (keyId == null) {
                throw new IllegalStateException("content " + contentId + " has no current key");
            }
            String prefix = "versions/" + versionId + "/";
            main = store.stage(prefix + "main.ts");
            complementary = store.stage(prefix + "complementary.scps");
            SeparationReport report;
            byte[] secret = crypto.randomBytes(SECRET_BYTES);
            byte[] kc = contents.openContentKey(contentId, keyId);
            try {
                versions.wrappedSelectionSecret(
                        versionId, vault.seal(secret, KeyOwner.selectionSecret(contentId, versionId)));
                SeparationOptions options =
                        SeparationOptions.builder().secret(secret).build();
                try (EnvelopeSealer sealer = EnvelopeSealer.create(
                                EnvelopeContext.onDemand(contentId, keyId), kc, CompressionPolicy.DEFAULT, crypto);
                        ProtectedStoreWriter writer = ProtectedStoreWriter.create(complementary.file(), sealer);
                        InputStream in = new ProgressInputStream(
                                new BufferedInputStream(Files.newInputStream(source), BUFFER),
                                job,
                                () -> cancelledElsewhere(versionId));
                        OutputStream out = new BufferedOutputStream(Files.newOutputStream(main.file()), BUFFER)) {
                    report = new StreamSeparator(options).separate(in, out, writer);
                    out.flush();
                    writer.commit();
                }
            } finally {
                SecretKeys.wipe(secret);
                SecretKeys.wipe(kc);
            }
            StoredObject mainObject = store.publish(main);
            StoredObject complementaryObject = store.publish(complementary);
            String result = json(result(report, keyId, complementaryObject.length()));
            versions.publish(
                    versionId,
                    new MediaVersions.Ready(
                            mainObject.key(),
                            complementaryObject.key(),
                            keyId,
                            report.inputBytes(),
                            mainObject.etag(),
                            complementaryObject.length(),
                            report.chunks(),
                            result));
            LOG.infof(
                    "Content %s: version %s ready (%d bytes, %d chunks, %.2f %% extracted, sealed under key %s)",
                    contentId, versionId, report.inputBytes(), report.chunks(), report.share() * 100, keyId);
            jobs.finished(versionId);
            // the key may have been rotated while the separation ran
            resealing.resealIfStale(contentId);
        } catch (ProgressInputStream.Cancelled e) {
            discard(main, complementary);
            versions.cancelled(versionId);
            LOG.infof("Content %s: ingest %s cancelled", contentId, versionId);
        } catch (StreamFormatException e) {
            discard(main, complementary);
            versions.fail(versionId, "not a usable transport stream: " + e.getMessage());
            LOG.infof("Content %s: ingest %s failed: %s", contentId, versionId, e.getMessage());
        } catch (IOException e) {
            discard(main, complementary);
            versions.fail(versionId, storageMessage(e));
            LOG.warnf("Content %s: ingest %s failed: %s", contentId, versionId, e.toString());
        } catch (RuntimeException e) {
            discard(main, complementary);
            versions.fail(versionId, "internal error during the separation (see the server log)");
            LOG.errorf(e, "Content %s: ingest %s failed", contentId, versionId);
        } finally {
            jobs.finished(versionId);
            if (ownsSource && upload != null) {
                store.discard(upload);
            }
        }
    }

    /**
     * Re-seals the served version's complementary information under the content's new key into a
     * new version over the same main stream (content-key rotation), and publishes it.
     */
    public void reseal(String versionId, String contentId, String fromVersionId, String newKeyId) {
        Staged complementary = null;
        try {
            MediaVersion from = versions.find(fromVersionId)
                    .orElseThrow(() -> new IllegalStateException("version " + fromVersionId + " is gone"));
            versions.moveTo(versionId, IngestState.SEPARATING, from.complementaryBytes());
            complementary = store.stage("versions/" + versionId + "/complementary.scps");
            byte[] oldKc = contents.openContentKey(contentId, from.keyId());
            byte[] newKc = contents.openContentKey(contentId, newKeyId);
            ProtectedStoreResealer.Report report;
            try {
                Files.deleteIfExists(complementary.file()); // the re-sealer writes it whole, atomically
                report = new ProtectedStoreResealer(crypto)
                        .reseal(
                                store.localFile(from.complementaryObject()),
                                oldKc,
                                complementary.file(),
                                newKeyId,
                                newKc,
                                CompressionPolicy.DEFAULT);
            } finally {
                SecretKeys.wipe(oldKc);
                SecretKeys.wipe(newKc);
            }
            StoredObject sealed = store.publish(complementary);
            SeparationResult previous = from.report() == null ? null : parse(from.report());
            SeparationResult result = previous == null
                    ? null
                    : new SeparationResult(
                            newKeyId,
                            previous.mainLength(),
                            sealed.length(),
                            previous.extractedShare(),
                            previous.chunks(),
                            previous.streamSeconds(),
                            previous.streams(),
                            previous.warnings());
            versions.publish(
                    versionId,
                    new MediaVersions.Ready(
                            from.mainObject(),
                            sealed.key(),
                            newKeyId,
                            from.mainLength(),
                            from.mainEtag(),
                            sealed.length(),
                            report.chunks(),
                            result == null ? null : json(result)));
            LOG.infof(
                    "Content %s: version %s re-sealed under key %s (%d chunks)",
                    contentId, versionId, newKeyId, report.chunks());
            jobs.finished(versionId);
            resealing.resealIfStale(contentId);
        } catch (Exception e) {
            discard(complementary);
            versions.fail(versionId, "re-sealing under the new key failed: " + e.getMessage());
            LOG.errorf(e, "Content %s: re-sealing %s failed", contentId, versionId);
        } finally {
            jobs.finished(versionId);
        }
    }

    private boolean cancelledElsewhere(String versionId) {
        return versions.find(versionId)
                .map(v -> v.state() == IngestState.CANCELLED)
                .orElse(true);
    }

    private void discard(Staged... staged) {
        for (Staged s : staged) {
            if (s != null) {
                store.discard(s);
            }
        }
    }

    static String storageMessage(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left") || message.contains("Disk quota")) {
            return "the media store's disk is full";
        }
        return "the media store could not be written or read (" + e.getClass().getSimpleName() + ")";
    }

    static SeparationResult result(SeparationReport report, String keyId, long complementaryBytes) {
        List<StreamResult> streams = report.streams().stream()
                .map((StreamReport s) -> new StreamResult(
                        s.pid(),
                        s.codec(),
                        s.isProtected(),
                        s.resolution(),
                        s.esBytes(),
                        s.extractedBytes(),
                        s.shareOfStream(),
                        s.units(),
                        s.unitsHit()))
                .toList();
        return new SeparationResult(
                keyId,
                report.inputBytes(),
                complementaryBytes,
                report.share(),
                report.chunks(),
                report.streamSeconds(),
                streams,
                report.warnings());
    }

    static String json(SeparationResult result) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(result);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the separation report", e);
        }
    }

    static SeparationResult parse(String json) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(json, SeparationResult.class);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read a separation report", e);
        }
    }
}
