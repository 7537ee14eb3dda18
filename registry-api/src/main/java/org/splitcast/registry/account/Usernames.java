package org.splitcast.registry.account;

/** What usernames and passwords must look like (NIST SP 800-63B length rules for passwords). */
public final class Usernames {

    public static final String PATTERN = "[a-z0-9][a-z0-9._@-]{1,63}";
    public static final String MESSAGE = "must be 2 to 64 lower-case letters, digits, '.', '_', '@' or '-'";
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;

    private Usernames() {}
}
