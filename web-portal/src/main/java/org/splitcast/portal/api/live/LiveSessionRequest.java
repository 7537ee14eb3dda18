package org.splitcast.portal.api.live;

/**
 * The body of {@code POST /api/sessions}, {@code POST /api/sessions/{id}/renew} and {@code
 * DELETE /api/sessions/{id}} (contentId only for the first).
 */
public record LiveSessionRequest(String terminalId, String contentId, String challengeId, String proof) {}
