package org.splitcast.registry.subscriber;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Demographics as the API carries them.
 *
 * @param ageBand one of 0-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param category the operator's customer category (e.g. premium, family, student)
 */
public record DemographicsData(
        @NotNull @Pattern(regexp = AGE_BANDS, message = "must be one of 0-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65+")
                String ageBand,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as FR")
                String country,
        @NotNull
                @Pattern(
                        regexp = "[a-z0-9][a-z0-9_-]{0,31}",
                        message = "must be 1 to 32 lower-case letters, digits, '_' or '-'")
                String category) {

    public static final String AGE_BANDS = "0-17|18-24|25-34|35-44|45-54|55-64|65\\+";
}
