package org.splitcast.terminal.sdk;

import java.util.Arrays;
import java.util.Objects;

/**
 * HTTP Basic credentials of the subscriber or integrator who asks for licenses. {@link
 * #toString()} never shows the password; {@link #wipe()} overwrites it.
 */
public record Credentials(String username, char[] password) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty() || username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a Basic username is non-empty and has no ':'");
        }
    }

    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=(hidden)]";
    }
}
