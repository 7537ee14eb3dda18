package org.splitcast.registry.events;

import java.time.Instant;

/** A terminal was revoked: it may get no new license, session key or group key. */
public record TerminalRevoked(String terminalId, String subscriberId, Instant at) {}
