package org.splitcast.registry.account;

import java.time.Instant;

/** An account as the API shows it: never its password hash. */
public record AccountView(String username, String role, String subscriberId, Instant createdAt) {}
