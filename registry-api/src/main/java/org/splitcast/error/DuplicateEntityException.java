package org.splitcast.error;

/** A subscriber, terminal, content, package or account with that identifier already exists. */
public class DuplicateEntityException extends SplitcastException {

    private static final long serialVersionUID = 1L;

    public DuplicateEntityException(String kind, String field, String value) {
        super(ErrorCode.CONFLICT, "A " + kind + " with " + field + " '" + value + "' already exists");
    }
}
