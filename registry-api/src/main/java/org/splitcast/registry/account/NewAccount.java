package org.splitcast.registry.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An operator or integrator account to create (subscribers get theirs with {@code POST
 * /api/subscribers}).
 */
public record NewAccount(
        @NotNull @Pattern(regexp = Usernames.PATTERN, message = Usernames.MESSAGE) String username,
        @NotNull @Size(min = Usernames.PASSWORD_MIN, max = Usernames.PASSWORD_MAX) String password,
        @NotNull @Pattern(regexp = "operator|integrator", message = "must be 'operator' or 'integrator'")
                String role) {}
