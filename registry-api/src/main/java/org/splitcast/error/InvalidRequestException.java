package org.splitcast.error;

/**
 * A request that passed the field checks but breaks a business rule (an unknown country code, an
 * entitlement that ends before it starts, an unacceptable key). A validation problem names the
 * field in error ({@link #field()}), as Bean Validation's do: REST shows it in {@code errors[]}.
 */
public class InvalidRequestException extends SplitcastException {

    private static final long serialVersionUID = 1L;

    /** The field a validation problem names when the rule is about the request as a whole. */
    public static final String WHOLE_REQUEST = "request";

    private final String field;

    /** A validation problem; a message {@code "<field>: <rule>"} names its field. */
    public InvalidRequestException(String message) {
        this(ErrorCode.VALIDATION, fieldOf(message), message);
    }

    public InvalidRequestException(ErrorCode code, String message) {
        this(code, WHOLE_REQUEST, message);
    }

    private InvalidRequestException(ErrorCode code, String field, String message) {
        super(code, message);
        this.field = field;
    }

    /** A validation problem with one field: the message is {@code "<field> <rule>"}. */
    public static InvalidRequestException field(String field, String rule) {
        return new InvalidRequestException(ErrorCode.VALIDATION, field, field + " " + rule);
    }

    /** The field in error, or {@link #WHOLE_REQUEST}. */
    public String field() {
        return field;
    }

    /** What is wrong with {@link #field()}, without its name. */
    public String rule() {
        String message = getMessage();
        if (message == null || field.equals(WHOLE_REQUEST)) {
            return message;
        }
        if (message.startsWith(field + ": ")) {
            return message.substring(field.length() + 2);
        }
        return message.startsWith(field + " ") ? message.substring(field.length() + 1) : message;
    }

    private static String fieldOf(String message) {
        java.util.regex.Matcher named =
                java.util.regex.Pattern.compile("^([a-zA-Z][A-Za-z0-9_.]*): ").matcher(message == null ? "" : message);
        return named.find() ? named.group(1) : WHOLE_REQUEST;
    }
}
