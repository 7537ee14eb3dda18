package org.splitcast.session.delivery.internal;

import static org.splitcast.registry.account.Role.INTEGRATOR_ROLE;
import static org.splitcast.registry.account.Role.OPERATOR_ROLE;
import static org.splitcast.registry.account.Role.SUBSCRIBER_ROLE;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;
import org.splitcast.license.LicenseDirectory;
import org.splitcast.license.LicenseDirectory.ValidLicense;
import org.splitcast.protection.store.ProtectedStore;
import org.splitcast.protection.store.ProtectedStoreException;
import org.splitcast.protection.wire.ChunkSelection;
import org.splitcast.registry.account.Callers;
import org.splitcast.registry.content.ContentDirectory;
import org.splitcast.registry.entitlement.EntitlementDirectory;
import org.splitcast.registry.terminal.TerminalDirectory;
import org.splitcast.registry.terminal.TerminalRecord;
import org.splitcast.session.delivery.ComplementaryBody;
import org.splitcast.session.delivery.MediaContent;
import org.splitcast.session.delivery.MediaDelivery;
import org.splitcast.session.delivery.MediaNotReadyException;
import org.splitcast.session.delivery.NoValidLicenseException;
import org.splitcast.session.ingest.internal.MediaVersion;
import org.splitcast.session.ingest.internal.MediaVersions;
import org.splitcast.session.media.MediaStore;
import org.splitcast.session.media.MediaStore.StoredObject;

/**
 * {@link MediaDelivery}. The complementary chunks go to a terminal only when all of this holds now:
 * the caller may act for the terminal, the terminal is active, its subscriber is entitled to the
 * content, and the terminal holds a license for the content that has not expired; they are the
 * envelopes sealed under that license's key.
 */
@Stateless
@RolesAllowed({OPERATOR_ROLE, INTEGRATOR_ROLE, SUBSCRIBER_ROLE})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DefaultMediaDelivery implements MediaDelivery {

    @EJB
    Callers callers;

    @EJB
    TerminalDirectory terminals;

    @EJB
    ContentDirectory contents;

    @EJB
    EntitlementDirectory entitlements;

    @EJB
    LicenseDirectory licenses;

    @EJB
    MediaVersions versions;

    @Inject
    MediaStore store;

    /** The most chunks one response carries (2 s each: over 8 minutes of stream). */
    @Inject
    @ConfigProperty(name = "splitcast.delivery.max-chunks-per-response", defaultValue = "256")
    long maxChunksPerResponse;

    @Override
    @PermitAll
    public MediaContent mainStream(String contentId) throws UnknownEntityException, MediaNotReadyException {
        MediaVersion served = served(contentId);
        try {
            StoredObject main = store.find(served.mainObject())
                    .orElseThrow(() -> new IllegalStateException("the main stream of " + served.id() + " is missing"));
            return new StoredMedia(store, main);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the main stream of content " + contentId, e);
        }
    }

    @Override
    public ComplementaryBody complementary(String contentId, String terminalId, String chunks)
            throws UnknownEntityException, AccessDeniedException, InvalidRequestException, NoValidLicenseException,
                    MediaNotReadyException {
        if (terminalId == null || terminalId.isBlank()) {
            throw new InvalidRequestException("terminalId: name the terminal that will play the content");
        }
        if (chunks == null || chunks.isBlank()) {
            throw new InvalidRequestException("chunks: 'header', 'trailer', N or FIRST..LAST");
        }
        ChunkSelection selection;
        try {
            selection = ChunkSelection.parse(chunks);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        TerminalRecord terminal =
                terminals.find(terminalId).orElseThrow(() -> new UnknownEntityException("terminal", terminalId));
        callers.requireAccessToSubscriber(terminal.subscriberId());
        if (contents.find(contentId).isEmpty()) {
            throw new UnknownEntityException("content", contentId);
        }
        Instant now = Instant.now();
        if (!terminal.isActive()) {
            throw new NoValidLicenseException("terminal '" + terminalId + "' has been revoked");
        }
        ValidLicense license = licenses.latestValid(terminalId, contentId, now)
                .orElseThrow(() -> new NoValidLicenseException(
                        "terminal '" + terminalId + "' holds no license for content '" + contentId + "' valid now"));
        if (!entitlements.isEntitled(terminal.subscriberId(), contentId, now)) {
            throw new NoValidLicenseException("the subscriber of terminal '" + terminalId
                    + "' is no longer entitled to content '" + contentId + "'");
        }
        MediaVersion served = served(contentId);
        MediaVersion version = license.keyId().equals(served.keyId())
                ? served
                : versions.readyWithKey(contentId, license.keyId(), served.mainObject())
                        .orElseThrow(() -> new MediaNotReadyException("content '" + contentId
                                + "' is being sealed under the key of this license; retry in a few seconds"));
        Path file;
        try {
            file = store.localFile(version.complementaryObject());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the complementary information of " + version.id(), e);
        }
        try (ProtectedStore sealed = ProtectedStore.open(file)) {
            return body(file, sealed, selection);
        } catch (IOException | ProtectedStoreException e) {
            throw new IllegalStateException(
                    "the stored complementary information of " + version.id() + " is unusable", e);
        }
    }

    private ComplementaryBody body(Path file, ProtectedStore sealed, ChunkSelection selection)
            throws IOException, ProtectedStoreException, InvalidRequestException {
        String keyId = sealed.keyId();
        long count = sealed.chunkCount();
        long main = sealed.mainLength();
        if (selection instanceof ChunkSelection.Header) {
            return new ComplementaryBody(
                    keyId, count, "header", main, sealed.headerLength(), out -> send(file, s -> s.transferHeader(out)));
        }
        if (selection instanceof ChunkSelection.Trailer) {
            return new ComplementaryBody(
                    keyId,
                    count,
                    "trailer",
                    main,
                    sealed.trailerLength(),
                    out -> send(file, s -> s.transferTrailer(out)));
        }
        ChunkSelection.Range clipped;
        try {
            clipped = ((ChunkSelection.Range) selection).clip(count, maxChunksPerResponse);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        return new ComplementaryBody(
                keyId,
                count,
                clipped.toString(),
                main,
                sealed.chunksLength(clipped.first(), clipped.last()),
                out -> send(file, s -> s.transferChunks(clipped.first(), clipped.last(), out)));
    }

    /** Opens the store again when the body is sent (after this bean's call has returned). */
    private static void send(Path file, Transfer transfer) throws IOException {
        try (ProtectedStore sealed = ProtectedStore.open(file)) {
            transfer.to(sealed);
        } catch (ProtectedStoreException e) {
            throw new IOException("stored complementary information damaged: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Transfer {
        void to(ProtectedStore store) throws IOException, ProtectedStoreException;
    }

    private MediaVersion served(String contentId) throws UnknownEntityException, MediaNotReadyException {
        if (contents.find(contentId).isEmpty()) {
            throw new UnknownEntityException("content", contentId);
        }
        MediaVersion served = versions.published(contentId).orElse(null);
        if (served != null) {
            return served;
        }
        MediaVersion latest = versions.latest(contentId).orElse(null);
        if (latest != null && latest.state().running()) {
            throw new MediaNotReadyException("content '" + contentId + "' is being ingested; retry when it is ready");
        }
        throw new UnknownEntityException("media of content", contentId);
    }

    /** A published object of the media store, served as it is. */
    private record StoredMedia(MediaStore store, StoredObject object) implements MediaContent {
        @Override
        public long length() {
            return object.length();
        }

        @Override
        public String etag() {
            return object.etag();
        }

        @Override
        public Instant lastModified() {
            return object.lastModified();
        }

        @Override
        public SeekableByteChannel open() throws IOException {
            return store.read(object.key());
        }
    }
}
