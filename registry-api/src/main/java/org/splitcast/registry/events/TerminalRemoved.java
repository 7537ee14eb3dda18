package org.splitcast.registry.events;

import java.time.Instant;

/** A terminal was deleted. */
public record TerminalRemoved(String terminalId, String subscriberId, Instant at) {}
