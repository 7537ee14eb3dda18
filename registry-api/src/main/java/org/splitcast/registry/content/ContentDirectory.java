package org.splitcast.registry.content;

import jakarta.ejb.Local;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other modules read about the catalogue (the license server, the session server): contents,
 * their access rules and current key, packages, and the content keys Kc themselves, with no
 * authorization check. Boundaries never use it: they go through {@link ContentService}.
 */
@Local
public interface ContentDirectory {

    /** The content with the id of its current key. */
    Optional<ContentRecord> find(String contentId);

    /** Every content of the catalogue (for models built from the whole catalogue). */
    List<ContentRecord> all();

    /** Every package with the ids of its contents. */
    Map<String, List<String>> packageContents();

    /** The id of the current key of each of these contents that exists. */
    Map<String, String> currentKeyIds(Collection<String> contentIds);

    /**
     * Kc in clear, opened from its key-vault envelope, for the content's key {@code keyId} (current
     * or a previous one). The caller owns the array and wipes it when done.
     *
     * @throws IllegalArgumentException if the content has no such key
     */
    byte[] openContentKey(String contentId, String keyId);
}
