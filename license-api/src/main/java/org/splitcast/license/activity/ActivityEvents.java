package org.splitcast.license.activity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One batch of the lists of step 112 (each list optional).
 *
 * @param newSubscribers subscribers that joined
 * @param newTerminals terminals that were registered
 * @param accessedContents contents a terminal accessed (a play outside the license server, e.g.
 *     reported by the integrator's player; licenses the server issues are recorded by itself)
 * @param removedSubscribers subscribers that left: off the list, their access blocks dropped
 * @param removedTerminals terminals that left: their access blocks dropped
 */
public record ActivityEvents(
        @Size(max = 10_000, message = "at most 10000 ids per list")
                List<@NotBlank @Size(max = 64) String> newSubscribers,
        @Size(max = 10_000, message = "at most 10000 ids per list") List<@NotBlank @Size(max = 64) String> newTerminals,
        @Size(max = 10_000, message = "at most 10000 accesses per batch")
                List<@NotNull @Valid AccessedContent> accessedContents,
        @Size(max = 10_000, message = "at most 10000 ids per list")
                List<@NotBlank @Size(max = 64) String> removedSubscribers,
        @Size(max = 10_000, message = "at most 10000 ids per list")
                List<@NotBlank @Size(max = 64) String> removedTerminals) {

    public ActivityEvents {
        newSubscribers = newSubscribers == null ? List.of() : newSubscribers;
        newTerminals = newTerminals == null ? List.of() : newTerminals;
        accessedContents = accessedContents == null ? List.of() : accessedContents;
        removedSubscribers = removedSubscribers == null ? List.of() : removedSubscribers;
        removedTerminals = removedTerminals == null ? List.of() : removedTerminals;
    }

    /** A content accessed by a terminal. */
    public record AccessedContent(
            @NotBlank(message = "terminalId is required") @Size(max = 64) String terminalId,
            @NotBlank(message = "contentId is required") @Size(max = 64) String contentId) {}
}
