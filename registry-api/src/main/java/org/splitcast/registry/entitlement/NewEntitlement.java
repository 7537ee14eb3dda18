package org.splitcast.registry.entitlement;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.splitcast.common.Ids;

/**
 * An entitlement to grant: exactly one of {@code contentId} (a purchase) and {@code packageId}.
 *
 * @param validFrom when it starts; absent = now
 * @param validUntil when it ends (exclusive); absent = open-ended
 */
public record NewEntitlement(
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String contentId,
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String packageId,
        Instant validFrom,
        Instant validUntil) {}
