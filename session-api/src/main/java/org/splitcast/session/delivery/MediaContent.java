package org.splitcast.session.delivery;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.time.Instant;

/**
 * A stored media object ready to be served: its size, validators, and its bytes. Opening it holds
 * no bean: the caller streams at its own pace and closes the channel.
 */
public interface MediaContent {

    long length();

    /** A strong validator that changes whenever the bytes change (quoted, as HTTP sends it). */
    String etag();

    Instant lastModified();

    /** The bytes, positioned at 0; the caller closes the channel. */
    SeekableByteChannel open() throws IOException;
}
