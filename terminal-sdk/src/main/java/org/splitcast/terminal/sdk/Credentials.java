package org.splitcast.terminal.sdk;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
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

    /**
     * The {@code Authorization} header value, {@code Basic base64(username:password)}; the
     * intermediate copies of the password are wiped.
     */
    public String basicAuthorization() {
        CharBuffer chars = CharBuffer.allocate(username.length() + 1 + password.length);
        chars.put(username).put(':').put(password).flip();
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(chars);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(chars.array(), '\0');
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            return "Basic " + Base64.getEncoder().encodeToString(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
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
