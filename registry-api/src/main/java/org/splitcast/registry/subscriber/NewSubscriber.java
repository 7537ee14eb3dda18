package org.splitcast.registry.subscriber;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.splitcast.common.Ids;
import org.splitcast.registry.account.Usernames;

/**
 * A subscriber to create, with the account they log in with.
 *
 * @param id the integrator's own id for them, or absent to have one generated
 */
public record NewSubscriber(
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull @Pattern(regexp = Usernames.PATTERN, message = Usernames.MESSAGE) String username,
        @NotNull @Size(min = Usernames.PASSWORD_MIN, max = Usernames.PASSWORD_MAX) String password,
        @NotNull @Valid DemographicsData demographics) {

    @Override
    public String toString() {
        // never the password, should this end up in a log
        return "NewSubscriber[id=" + id + ", username=" + username + "]";
    }
}
