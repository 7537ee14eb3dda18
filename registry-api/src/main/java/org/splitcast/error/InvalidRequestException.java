package org.splitcast.error;

/**
 * A request that passed the field checks but breaks a business rule (an unknown country code, an
 * entitlement that ends before it starts, an unacceptable key).
 */
public class InvalidRequestException extends SplitcastException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(ErrorCode.VALIDATION, message);
    }

    public InvalidRequestException(ErrorCode code, String message) {
        super(code, message);
    }
}
