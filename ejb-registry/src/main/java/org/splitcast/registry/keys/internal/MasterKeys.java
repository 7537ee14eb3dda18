package org.splitcast.registry.keys.internal;

import java.util.Optional;
import javax.crypto.SecretKey;

/** The master keys by version: new envelopes use the current one, old ones keep their version. */
public interface MasterKeys {

    int currentVersion();

    Optional<SecretKey> key(int version);
}
