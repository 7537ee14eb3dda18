package org.splitcast.session.ingest;

import jakarta.ejb.Local;
import java.io.InputStream;
import java.util.List;
import org.splitcast.error.DuplicateEntityException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;

/**
 * Ingest of a content's MPEG transport stream (operator only). The stream is received or read whole
 * first, then separated in the background; {@link #status} follows it. A new ingest of a content
 * that already has media replaces it atomically once it is READY (until then the previous one is
 * served). A content has at most one ingest under way.
 */
@Local
public interface IngestService {

    /**
     * Receives {@code body} (read to its end, never buffered whole) and queues its separation.
     *
     * @throws InvalidRequestException the body is empty, is not a transport stream, or exceeds the
     *     configured size; nothing of it is kept
     * @throws DuplicateEntityException an ingest of the content is already under way
     * @throws IngestStorageException the disk filled up or could not be written; nothing is kept
     */
    IngestView upload(String contentId, InputStream body)
            throws UnknownEntityException, InvalidRequestException, DuplicateEntityException, IngestStorageException;

    /**
     * Queues the separation of a file the server can read, inside the configured import folder
     * ({@code splitcast.ingest.import-dir}); the file is read in place, never copied or changed.
     */
    IngestView importFile(String contentId, String path)
            throws UnknownEntityException, InvalidRequestException, DuplicateEntityException;

    /** The content's ingest under way, or else its latest one. */
    IngestView status(String contentId) throws UnknownEntityException;

    /**
     * The latest ingest of each content that has one (under way or finished), the most recently
     * started first, at most {@code limit}: the operator's list of ingest jobs.
     */
    List<IngestView> recent(int limit);

    /** Cancels the ingest under way (its files are deleted); the published media stays. */
    IngestView cancel(String contentId) throws UnknownEntityException;
}
