package org.splitcast.session.ingest.internal;

import static org.splitcast.registry.account.Role.OPERATOR_ROLE;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.registry.content.ContentDirectory;
import org.splitcast.session.ingest.IngestService;
import org.splitcast.session.ingest.IngestState;
import org.splitcast.session.ingest.IngestStorageException;
import org.splitcast.session.ingest.IngestView;
import org.splitcast.session.media.MediaStore;
import org.splitcast.session.media.MediaStore.Staged;

/**
 * {@link IngestService}: receives the stream into the media store's staging area (on the request
 * thread, streamed, its size and first packets checked as it comes), then hands the separation to
 * the {@code splitcast-ingest} executor ({@link IngestRunner}). No transaction is held while bytes
 * move: every change of the version's state commits on its own.
 */
@Stateless
@RolesAllowed(OPERATOR_ROLE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultIngestService implements IngestService {

    private static final Logger LOG = Logger.getLogger(DefaultIngestService.class);
    private static final int BUFFER = 1 << 16;
    /** How often (bytes) the upload checks the disk's free space. */
    private static final long SPACE_CHECK = 64L << 20;

    @EJB
    ContentDirectory contents;

    @EJB
    MediaVersions versions;

    @EJB
    IngestJobs jobs;

    @EJB
    IngestRunner runner;

    @EJB
    IngestViews views;

    @Inject
    MediaStore store;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/splitcast-ingest")
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "splitcast.ingest.max-bytes")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "splitcast.ingest.reserve-bytes")
    long reserveBytes;

    @Inject
    @ConfigProperty(name = "splitcast.ingest.import-dir")
    String importDir;

    @Override
    public IngestView upload(String contentId, InputStream body)
            throws UnknownEntityException, InvalidRequestException, DuplicateEntityException, IngestStorageException {
        requireContent(contentId);
        MediaVersion version = versions.begin(contentId, IngestState.RECEIVING, "upload");
        String versionId = version.id();
        IngestJobs.Job job = jobs.start(versionId, null);
        Staged staged = null;
        try {
            staged = store.stage("versions/" + versionId + "/source.ts");
            long received = receive(body, staged.file(), job);
            versions.moveTo(versionId, IngestState.QUEUED, received);
            submit(versionId, contentId, staged.file(), true, staged);
            LOG.infof("Content %s: upload of %d bytes received, version %s queued", contentId, received, versionId);
            return views.of(versions.find(versionId).orElseThrow());
        } catch (InvalidRequestException | IngestStorageException e) {
            abandon(versionId, staged, e.getMessage());
            throw e;
        } catch (IOException e) {
            abandon(versionId, staged, IngestRunner.storageMessage(e));
            throw new IngestStorageException(IngestRunner.storageMessage(e));
        } catch (RuntimeException e) {
            abandon(versionId, staged, "internal error while receiving the upload (see the server log)");
            throw e;
        }
    }

    @Override
    public IngestView importFile(String contentId, String path)
            throws UnknownEntityException, InvalidRequestException, DuplicateEntityException {
        requireContent(contentId);
        Path file = importable(path);
        MediaVersion version = versions.begin(contentId, IngestState.QUEUED, "file");
        try {
            versions.moveTo(version.id(), IngestState.QUEUED, Files.size(file));
            jobs.start(version.id(), Files.size(file));
            submit(version.id(), contentId, file, false, null);
        } catch (IOException | RuntimeException e) {
            abandon(version.id(), null, "the file could not be read");
            throw new InvalidRequestException("path: the file could not be read");
        }
        LOG.infof("Content %s: ingest of %s queued as version %s", contentId, file, version.id());
        return views.of(versions.find(version.id()).orElseThrow());
    }

    @Override
    public IngestView status(String contentId) throws UnknownEntityException {
        requireContent(contentId);
        MediaVersion latest = versions.latest(contentId)
                .orElseThrow(() -> new UnknownEntityException("ingest of content", contentId));
        return views.of(latest);
    }

    @Override
    public List<IngestView> recent(int limit) {
        return versions.latestOfEachContent(limit).stream().map(views::of).toList();
    }

    @Override
    public IngestView cancel(String contentId) throws UnknownEntityException {
        requireContent(contentId);
        MediaVersion latest = versions.latest(contentId)
                .filter(v -> v.state().running())
                .orElseThrow(() -> new UnknownEntityException("ingest under way of content", contentId));
        // the runner (here or on another node) sees either flag and stops within a few MB
        jobs.cancel(latest.id());
        versions.cancelled(latest.id());
        LOG.infof("Content %s: ingest %s cancelled by the operator", contentId, latest.id());
        return views.of(versions.find(latest.id()).orElseThrow());
    }

    /** Copies the body to the staging file, checking as it goes; returns the bytes received. */
    private long receive(InputStream body, Path file, IngestJobs.Job job)
            throws IOException, InvalidRequestException, IngestStorageException {
        byte[] buffer = new byte[BUFFER];
        long received = 0;
        long nextSpaceCheck = 0;
        TransportStreamSniffer sniffer = new TransportStreamSniffer();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    throw new InvalidRequestException(
                            "the upload was interrupted after " + received + " bytes; nothing was kept");
                }
                if (n < 0) {
                    break;
                }
                if (received < TransportStreamSniffer.SNIFF_BYTES) {
                    sniffer.feed(buffer, n);
                    sniffer.requirePlausible();
                }
                received += n;
                if (received > maxBytes) {
                    throw new InvalidRequestException(
                            "the stream is larger than this server accepts (" + maxBytes + " bytes)");
                }
                if (received >= nextSpaceCheck) {
                    nextSpaceCheck = received + SPACE_CHECK;
                    if (store.usableSpace() < reserveBytes + SPACE_CHECK) {
                        throw new IngestStorageException("the media store's disk is full; nothing was kept");
                    }
                }
                if (job.cancelled()) {
                    throw new InvalidRequestException("the ingest was cancelled during the upload");
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                job.advance(n);
            }
        }
        if (received == 0) {
            throw new InvalidRequestException("the upload is empty: send the content's MPEG transport stream");
        }
        sniffer.requireComplete(received);
        return received;
    }

    private void submit(String versionId, String contentId, Path source, boolean ownsSource, Staged staged) {
        try {
            executor.execute(() -> runner.separate(versionId, contentId, source, ownsSource, staged));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the ingest queue is full; try again later", e);
        }
    }

    private void abandon(String versionId, Staged staged, String why) {
        if (staged != null) {
            store.discard(staged);
        }
        jobs.finished(versionId);
        versions.fail(versionId, why);
    }

    private void requireContent(String contentId) throws UnknownEntityException {
        if (contents.find(contentId).isEmpty()) {
            throw new UnknownEntityException("content", contentId);
        }
    }

    /** The named file, if it is a regular file inside the import folder (no link out of it). */
    private Path importable(String path) throws InvalidRequestException {
        if (path == null || path.isBlank()) {
            throw new InvalidRequestException("path: name a file inside the server's import folder");
        }
        try {
            Path root = Path.of(importDir).toRealPath();
            Path file = root.resolve(path).toRealPath();
            if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidRequestException("path: not a file inside the server's import folder");
            }
            if (Files.size(file) == 0) {
                throw new InvalidRequestException("path: the file is empty");
            }
            return file;
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("path: not a readable file inside the server's import folder");
        }
    }
}
