package org.splitcast.registry.events;

import java.time.Instant;

/** A terminal was registered for a subscriber. */
public record TerminalRegistered(String terminalId, String subscriberId, Instant at) {}
