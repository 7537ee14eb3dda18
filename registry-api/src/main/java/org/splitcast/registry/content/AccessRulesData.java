package org.splitcast.registry.content;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * Access rules as the API carries them.
 *
 * @param maxPlays licenses per subscriber within the window; absent = unlimited
 * @param rentalWindowHours hours from the first license; absent = no limit
 * @param recordingAllowed whether the terminal may record the content (absent = false)
 */
public record AccessRulesData(
        @Positive @Max(1_000_000) Integer maxPlays,
        @Positive @Max(24 * 366 * 10) Integer rentalWindowHours,
        Boolean recordingAllowed) {}
