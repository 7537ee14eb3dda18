package org.splitcast.license;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A license request (step 130).
 *
 * @param contentId the content to play
 * @param terminalId the terminal that will play it
 * @param nonce fresh per request: base64url without padding of 16 to 64 random bytes, echoed in
 *     the grant so that the terminal can reject a replayed answer
 */
public record LicenseRequest(
        @NotBlank(message = "contentId is required") @Size(max = 64) String contentId,
        @NotBlank(message = "terminalId is required") @Size(max = 64) String terminalId,
        @NotBlank(message = "nonce is required")
                @Pattern(
                        regexp = "[A-Za-z0-9_-]{22,86}",
                        message = "nonce must be base64url without padding of 16 to 64 bytes")
                String nonce) {}
