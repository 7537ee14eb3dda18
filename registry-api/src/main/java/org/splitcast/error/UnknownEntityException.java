package org.splitcast.error;

/** The named subscriber, terminal, content, package, entitlement or account does not exist. */
public class UnknownEntityException extends SplitcastException {

    private static final long serialVersionUID = 1L;

    public UnknownEntityException(String kind, String id) {
        super(ErrorCode.NOT_FOUND, "No " + kind + " with id '" + id + "'");
    }
}
