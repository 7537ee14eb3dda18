package org.splitcast.session.delivery;

import jakarta.ejb.Local;
import org.splitcast.error.AccessDeniedException;
import org.splitcast.error.InvalidRequestException;
import org.splitcast.error.UnknownEntityException;

/** On-demand delivery (seed 000, flow D): the public main stream, and the sealed chunks for a licensed terminal. */
@Local
public interface MediaDelivery {

    /**
     * The content's public main stream (anyone may have it: it is useless without the
     * complementary information).
     *
     * @throws UnknownEntityException no such content, or nothing ingested yet
     * @throws MediaNotReadyException the content's first ingest has not finished
     */
    MediaContent mainStream(String contentId) throws UnknownEntityException, MediaNotReadyException;

    /**
     * The sealed envelopes of {@code chunks} ({@code header}, {@code trailer}, {@code N} or {@code
     * FIRST..LAST}) for {@code terminalId}, which the caller must be allowed to act for and which
     * must hold a license for the content that is valid now. The envelopes are those sealed under
     * the key of that license.
     *
     * @throws NoValidLicenseException the terminal holds no license for the content valid now
     * @throws MediaNotReadyException the content has no media sealed under that license's key yet
     *     (an ingest or a re-sealing after a key rotation under way): retry shortly
     */
    ComplementaryBody complementary(String contentId, String terminalId, String chunks)
            throws UnknownEntityException, AccessDeniedException, InvalidRequestException, NoValidLicenseException,
                    MediaNotReadyException;
}
