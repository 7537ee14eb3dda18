package org.splitcast.registry.events;

import java.time.Instant;

/**
 * The catalogue changed: a content or a package was added or removed, or a package's contents
 * changed.
 *
 * @param removedContentId the content that was removed, if that is the change; null otherwise
 */
public record CatalogueChanged(String removedContentId, Instant at) {

    public static CatalogueChanged of(Instant at) {
        return new CatalogueChanged(null, at);
    }
}
