package org.splitcast.error;

/**
 * The caller is authenticated but may not do this: someone else's data, or an operation of another
 * role. Thrown by the services themselves (the ownership rule lives there), so every boundary
 * answers the same: 403 over REST, a {@code forbidden} client fault over SOAP.
 */
public class AccessDeniedException extends SplitcastException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(ErrorCode.FORBIDDEN, message);
    }
}
