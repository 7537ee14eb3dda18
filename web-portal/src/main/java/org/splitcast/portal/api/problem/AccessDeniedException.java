package org.splitcast.portal.api.problem;

/** The caller is authenticated but may not touch this data (someone else's, or not their role). */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
