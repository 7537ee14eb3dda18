package org.splitcast.jgroups;

import org.splitcast.jgroups.SplitcastStacks.Transport;

/** tcp.xml on 127.0.0.1 (TCPPING listing every planned node): the contract. */
class TcpStackTest extends SecureClusterContract {

    @Override
    Transport transport() {
        return Transport.TCP;
    }

    @Override
    boolean transportRequiresTrustedCertificate() {
        return true; // TCP with TLS, client certificate required
    }
}
