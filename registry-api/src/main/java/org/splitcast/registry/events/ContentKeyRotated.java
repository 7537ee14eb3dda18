package org.splitcast.registry.events;

import java.time.Instant;

/** A content's key Kc was replaced: {@code newKeyId} is current, {@code previousKeyId} is not. */
public record ContentKeyRotated(String contentId, String previousKeyId, String newKeyId, Instant at) {}
