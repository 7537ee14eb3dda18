package org.splitcast.portal.api.problem;

import jakarta.ws.rs.core.UriInfo;

/** The {@code instance} of a problem: the path that was requested, without the query. */
final class RequestPath {

    private RequestPath() {}

    static String of(UriInfo uriInfo) {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return null; // outside a request
        }
    }
}
