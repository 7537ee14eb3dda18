package org.splitcast.jgroups;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.jgroups.JChannel;
import org.jgroups.conf.ProtocolConfiguration;
import org.jgroups.conf.ProtocolStackConfigurator;
import org.jgroups.conf.XmlConfigurator;
import org.jgroups.util.Util;

/**
 * The JGroups protocol stacks of splitcast, as the central server (inside WildFly) and the edge
 * nodes load them: which stacks exist, where they are on the classpath, which properties they read
 * and how to build a channel from them with those properties checked and resolved.
 *
 * <p>Both stacks authenticate members (AUTH with the shared join credential) and encrypt all
 * traffic above the failure detectors (ASYM_ENCRYPT, the group key being handed out by the
 * coordinator over mutually authenticated TLS by SSL_KEY_EXCHANGE); see {@code
 * secure-protocols.xml} and {@code docs/jgroups.md}.
 *
 * <pre>{@code
 * Map<String, String> props = Map.of(
 *         SplitcastStacks.BIND_ADDR, "10.0.0.5",
 *         SplitcastStacks.KEYSTORE_PATH, "/etc/splitcast/jgroups/node.p12",
 *         ...);
 * try (JChannel channel = SplitcastStacks.newChannel(Transport.UDP, props)) {
 *     channel.connect(SplitcastStacks.DEFAULT_CLUSTER_NAME);
 *     ...
 * }
 * }</pre>
 *
 * <p>How a {@code ${name:default}} is resolved by {@link #configurator}: the given properties
 * first, then the system properties, then the environment, then the default. JGroups itself then
 * lets a few of its own system properties win over whatever the XML says ({@code
 * jgroups.bind_addr}, {@code jgroups.bind_port}, {@code jgroups.external_addr}, {@code
 * jgroups.tcpping.initial_hosts}, {@code jgroups.udp.mcast_addr}, {@code jgroups.udp.mcast_port},
 * {@code jgroups.udp.ip_ttl}); that is why the stacks use those names for those settings.
 *
 * <p>Pure Java: no Jakarta EE type, so the edge node uses it as is.
 */
public final class SplitcastStacks {

    /** The folder of the stacks on the classpath. */
    public static final String RESOURCE_FOLDER = "org/splitcast/jgroups/";

    /** The fragment with the protocols above discovery, included by both stacks. */
    public static final String SECURE_PROTOCOLS_RESOURCE = RESOURCE_FOLDER + "secure-protocols.xml";

    /**
     * The cluster the central server and the edge nodes connect to unless configured otherwise;
     * the name is no secret (it is on the wire in clear), separate clusters on one network also
     * need their own multicast address and port.
     */
    public static final String DEFAULT_CLUSTER_NAME = "splitcast-complementary";

    // ---- property names that callers set most often ----------------------------------------

    /** The address (IP, interface name, {@code match-interface:...}, {@code SITE_LOCAL}) to bind. */
    public static final String BIND_ADDR = "jgroups.bind_addr";
    /** The transport's port (UDP unicast socket or TCP server socket). */
    public static final String BIND_PORT = "jgroups.bind_port";
    /** How many ports above {@link #BIND_PORT} the transport may try. */
    public static final String PORT_RANGE = "splitcast.jgroups.port_range";
    /** TCP only: {@code host[port],host[port]} asked for members at start. */
    public static final String INITIAL_HOSTS = "jgroups.tcpping.initial_hosts";
    /** TCP only: how many ports above each initial host's port are asked too. */
    public static final String TCPPING_PORT_RANGE = "splitcast.jgroups.tcpping.port_range";
    /** UDP only: the IP multicast group address. */
    public static final String MCAST_ADDR = "jgroups.udp.mcast_addr";
    /** UDP only: the IP multicast port. */
    public static final String MCAST_PORT = "jgroups.udp.mcast_port";
    /** UDP only: the multicast time-to-live (router hops). */
    public static final String IP_TTL = "jgroups.udp.ip_ttl";
    /** This node's PKCS#12 key store: its private key and certificate chain (cluster CA). */
    public static final String KEYSTORE_PATH = "splitcast.jgroups.keystore.path";
    /** Password of {@link #KEYSTORE_PATH} (and of its key). */
    public static final String KEYSTORE_PASSWORD = "splitcast.jgroups.keystore.password";
    /** PKCS#12 trust store with the cluster CA certificate(s); defaults to the key store. */
    public static final String TRUSTSTORE_PATH = "splitcast.jgroups.truststore.path";
    /** Password of {@link #TRUSTSTORE_PATH}; defaults to the key store's. */
    public static final String TRUSTSTORE_PASSWORD = "splitcast.jgroups.truststore.password";
    /** Regular expression the peer's subject DN (RFC 2253) must match in the key exchange. */
    public static final String PEER_SUBJECT_PATTERN = "splitcast.jgroups.tls.peer_subject_pattern";
    /** The TCP port the coordinator hands out the group key on (TLS). */
    public static final String KEY_EXCHANGE_PORT = "splitcast.jgroups.key_exchange.port";
    /** PKCS#12 store with the join key pair shared by all nodes (AUTH / X509Token). */
    public static final String AUTH_KEYSTORE_PATH = "splitcast.jgroups.auth.keystore.path";
    /** Password of {@link #AUTH_KEYSTORE_PATH} (and of its key). */
    public static final String AUTH_KEYSTORE_PASSWORD = "splitcast.jgroups.auth.keystore.password";
    /** Alias of the join key pair in {@link #AUTH_KEYSTORE_PATH}. */
    public static final String AUTH_ALIAS = "splitcast.jgroups.auth.alias";
    /** The join secret shared by all nodes (AUTH / X509Token auth_value). */
    public static final String AUTH_SECRET = "splitcast.jgroups.auth.secret";
    /** How long a joiner waits for the coordinator's answer per attempt. */
    public static final String JOIN_TIMEOUT = "splitcast.jgroups.join_timeout";
    /** Join attempts before a joiner gives up and forms its own cluster. */
    public static final String MAX_JOIN_ATTEMPTS = "splitcast.jgroups.max_join_attempts";
    /** Silence after which a member is suspected (FD_ALL3). */
    public static final String FD_TIMEOUT = "splitcast.jgroups.fd.timeout";
    /** Heartbeat interval (FD_ALL3). */
    public static final String FD_INTERVAL = "splitcast.jgroups.fd.interval";

    /** The two stacks. */
    public enum Transport {
        /** UDP with IP multicast: real networks that route multicast. */
        UDP("udp.xml"),
        /** TCP with TCPPING: multicast blocked, loopback tests, the embedded default. */
        TCP("tcp.xml");

        private final String fileName;

        Transport(String fileName) {
            this.fileName = fileName;
        }

        /** The classpath path of the stack, e.g. {@code org/splitcast/jgroups/udp.xml}. */
        public String resource() {
            return RESOURCE_FOLDER + fileName;
        }

        /**
         * The transport named in a configuration value ({@code udp}, {@code TCP}, {@code
         * tcp.xml}...).
         */
        public static Transport of(String name) {
            String n = name.trim().toUpperCase(Locale.ROOT);
            if (n.endsWith(".XML")) {
                n = n.substring(0, n.length() - 4);
            }
            try {
                return valueOf(n);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown JGroups transport '" + name + "' (udp or tcp)", e);
            }
        }
    }

    private static final Set<Transport> BOTH = EnumSet.allOf(Transport.class);
    private static final Set<Transport> UDP_ONLY = EnumSet.of(Transport.UDP);
    private static final Set<Transport> TCP_ONLY = EnumSet.of(Transport.TCP);

    /** Every {@code ${...}} of the stacks, in the order of the XML. */
    private static final List<StackProperty> PROPERTIES = List.of(
            // transports
            opt(BIND_ADDR, "site_local,loopback", BOTH, "address to bind all sockets to; set it explicitly"),
            opt(BIND_PORT, "7800", BOTH, "transport port (UDP unicast or TCP)"),
            opt(PORT_RANGE, "10", BOTH, "ports above bind_port the transport may try"),
            opt(MCAST_ADDR, "239.192.83.67", UDP_ONLY, "IP multicast group (organization-local scope)"),
            opt(MCAST_PORT, "45789", UDP_ONLY, "IP multicast port"),
            opt(IP_TTL, "8", UDP_ONLY, "multicast time-to-live: router hops (0 = this host only)"),
            opt("splitcast.jgroups.udp.recv_buf_size", "5M", UDP_ONLY, "socket receive buffers, bytes"),
            opt("splitcast.jgroups.udp.send_buf_size", "1M", UDP_ONLY, "socket send buffers, bytes"),
            opt("splitcast.jgroups.tcp.sock_conn_timeout", "1s", TCP_ONLY, "TCP connect timeout"),
            opt("splitcast.jgroups.tcp.nodelay", "true", TCP_ONLY, "TCP_NODELAY on member connections"),
            opt("splitcast.jgroups.tcp.tls", "true", TCP_ONLY, "TLS 1.3 with client certificates on member links"),
            opt("splitcast.jgroups.bundler.type", "per-destination", BOTH, "message bundler"),
            opt("splitcast.jgroups.bundler.max_size", "64K", BOTH, "largest bundle sent at once, bytes"),
            opt("splitcast.jgroups.thread_pool.min_threads", "0", BOTH, "transport thread pool minimum"),
            opt("splitcast.jgroups.thread_pool.max_threads", "100", BOTH, "transport thread pool maximum"),
            opt("splitcast.jgroups.thread_pool.keep_alive_time", "30s", BOTH, "idle time before a thread ends"),
            opt("splitcast.jgroups.diagnostics", "false", BOTH, "JGroups diagnostics (probe) service"),
            // discovery
            opt(INITIAL_HOSTS, "127.0.0.1[7800]", TCP_ONLY, "host[port],... asked for members at start"),
            opt(TCPPING_PORT_RANGE, "2", TCP_ONLY, "ports above each initial host's port also asked"),
            opt("splitcast.jgroups.discovery_runs", "2", BOTH, "discovery rounds within join_timeout"),
            // secure-protocols.xml
            opt("splitcast.jgroups.merge.min_interval", "10s", BOTH, "MERGE3 shortest announcement interval"),
            opt("splitcast.jgroups.merge.max_interval", "30s", BOTH, "MERGE3 longest announcement interval"),
            opt("splitcast.jgroups.fd_sock.offset", "100", BOTH, "FD_SOCK2 port = transport port + offset"),
            opt("splitcast.jgroups.fd_sock.port_range", "5", BOTH, "FD_SOCK2 ports tried above that"),
            opt(KEY_EXCHANGE_PORT, "2157", BOTH, "TLS port the coordinator hands out the group key on"),
            opt("splitcast.jgroups.key_exchange.port_range", "5", BOTH, "key exchange ports tried above that"),
            opt("splitcast.jgroups.key_exchange.socket_timeout", "2s", BOTH, "key exchange TLS read timeout"),
            req(KEYSTORE_PATH, false, "PKCS#12: this node's private key + certificate chain (file or classpath)"),
            req(KEYSTORE_PASSWORD, true, "password of the node key store and its key"),
            fallback(TRUSTSTORE_PATH, KEYSTORE_PATH, false, "PKCS#12 with the cluster CA certificate(s)"),
            fallback(TRUSTSTORE_PASSWORD, KEYSTORE_PASSWORD, true, "password of the trust store"),
            opt("splitcast.jgroups.tls.reload_threshold_ms", "60000", BOTH, "key/trust stores re-read after, ms"),
            opt(PEER_SUBJECT_PATTERN, ".+", BOTH, "regex the peer's subject DN (RFC 2253) must match"),
            opt(FD_TIMEOUT, "40s", BOTH, "no readable heartbeat for this long: suspected"),
            opt(FD_INTERVAL, "5s", BOTH, "heartbeat interval"),
            opt("splitcast.jgroups.verify_suspect.timeout", "1500ms", BOTH, "time a suspect has to answer"),
            opt("splitcast.jgroups.xmit_interval", "500ms", BOTH, "retransmission interval (NAKACK2, UNICAST3)"),
            opt("splitcast.jgroups.stable.desired_avg_gossip", "50s", BOTH, "STABLE gossip interval"),
            opt("splitcast.jgroups.stable.max_bytes", "4M", BOTH, "bytes received before a STABLE round"),
            req(AUTH_KEYSTORE_PATH, false, "PKCS#12: the join key pair shared by all nodes"),
            req(AUTH_KEYSTORE_PASSWORD, true, "password of the join key store and its key"),
            opt(AUTH_ALIAS, "splitcast-join", BOTH, "alias of the join key pair"),
            req(AUTH_SECRET, true, "the join secret shared by all nodes"),
            opt(JOIN_TIMEOUT, "3s", BOTH, "wait for the coordinator per join attempt"),
            opt(MAX_JOIN_ATTEMPTS, "10", BOTH, "join attempts before forming an own cluster"),
            opt("splitcast.jgroups.view_ack_timeout", "2s", BOTH, "coordinator's wait for view acks"),
            opt("splitcast.jgroups.leave_timeout", "1s", BOTH, "wait for the coordinator on leave"),
            opt("splitcast.jgroups.flow_control.max_credits", "4M", BOTH, "bytes a sender may be ahead"),
            opt("splitcast.jgroups.frag_size", "60K", BOTH, "largest fragment, bytes (< bundler.max_size)"));

    private SplitcastStacks() {}

    /** The classpath URL of a stack. */
    public static URL stackResource(Transport transport) {
        URL url = SplitcastStacks.class.getClassLoader().getResource(transport.resource());
        if (url == null) {
            throw new IllegalStateException(transport.resource() + " is not on the classpath of "
                    + SplitcastStacks.class.getName() + " (is splitcast-jgroups-config a complete jar?)");
        }
        return url;
    }

    /**
     * The XML of a stack, for {@code new JChannel(InputStream)}; the caller closes it. Such a
     * channel takes its properties from the system properties only, and does not check that the
     * required ones are set (JGroups then silently uses its own defaults): prefer {@link
     * #configurator} or {@link #newChannel}.
     */
    public static InputStream openStack(Transport transport) {
        try {
            return stackResource(transport).openStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + transport.resource(), e);
        }
    }

    /** Every property of a stack: name, default, whether required, what it sets. */
    public static List<StackProperty> properties(Transport transport) {
        return PROPERTIES.stream().filter(p -> p.usedBy(transport)).toList();
    }

    /** A property of a stack by name. */
    public static Optional<StackProperty> property(Transport transport, String name) {
        return properties(transport).stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The names of the properties a stack cannot start without. */
    public static List<String> requiredProperties(Transport transport) {
        return properties(transport).stream()
                .filter(StackProperty::required)
                .map(StackProperty::name)
                .toList();
    }

    /**
     * The required properties that are set neither in {@code properties}, nor as system
     * properties, nor in the environment.
     */
    public static List<String> missingProperties(Transport transport, Map<String, String> properties) {
        List<String> missing = new ArrayList<>();
        for (String name : requiredProperties(transport)) {
            if (lookup(name, properties) == null) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * A stack, parsed (with its include), checked and resolved: every {@code ${name:default}} is
     * replaced by the value of {@code name} in {@code properties}, else in the system properties,
     * else in the environment, else by the default. Give it to {@code new JChannel(...)}.
     *
     * @throws IllegalArgumentException if a required property is not set (the message lists them)
     * @throws IOException if the stack cannot be read or parsed
     */
    public static ProtocolStackConfigurator configurator(Transport transport, Map<String, String> properties)
            throws IOException {
        List<String> missing = missingProperties(transport, properties);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the JGroups stack " + transport.resource()
                    + " needs these properties, which are not set: " + String.join(", ", missing)
                    + " (see docs/jgroups.md)");
        }
        XmlConfigurator configurator = parse(transport);
        Properties given = new Properties();
        given.putAll(properties);
        for (ProtocolConfiguration protocol : configurator.getProtocolStack()) {
            Iterator<Map.Entry<String, String>> it =
                    protocol.getProperties().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, String> attribute = it.next();
                if (attribute.getValue().contains("${")) {
                    String value = Util.substituteVariable(attribute.getValue(), given);
                    if (value == null) {
                        it.remove(); // JGroups' own rule: an unset property without default leaves the default
                    } else {
                        attribute.setValue(value);
                    }
                }
            }
        }
        return configurator;
    }

    /** A channel on a stack, checked and resolved as by {@link #configurator}; not connected. */
    public static JChannel newChannel(Transport transport, Map<String, String> properties) throws Exception {
        return new JChannel(configurator(transport, properties));
    }

    /**
     * The stack as JGroups parses it, with the include resolved and nothing substituted: the
     * protocols from bottom (transport) to top.
     */
    public static XmlConfigurator parse(Transport transport) throws IOException {
        // JGroups resolves <include> with its own class loader, then the thread's: make sure the
        // latter sees this jar even where JGroups was loaded by another class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SplitcastStacks.class.getClassLoader());
        try (InputStream in = openStack(transport)) {
            return XmlConfigurator.getInstance(in);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The properties of a stack as a readable table (name, default or REQUIRED, what it sets), for
     * a command-line {@code --help} or a start-up log.
     */
    public static String describe(Transport transport) {
        return properties(transport).stream()
                .map(p -> String.format(
                        "  %-45s %-22s %s",
                        p.name(),
                        p.required()
                                ? "REQUIRED"
                                : p.fallback() != null ? "(= " + p.fallback() + ")" : p.defaultValue(),
                        p.description()))
                .collect(Collectors.joining("\n", transport.resource() + ":\n", "\n"));
    }

    private static String lookup(String name, Map<String, String> properties) {
        String value = properties.get(name);
        if (value == null) {
            value = System.getProperty(name);
        }
        if (value == null) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static StackProperty opt(String name, String defaultValue, Set<Transport> transports, String text) {
        return new StackProperty(name, defaultValue, null, false, false, transports, text);
    }

    private static StackProperty req(String name, boolean secret, String text) {
        return new StackProperty(name, null, null, true, secret, BOTH, text);
    }

    private static StackProperty fallback(String name, String fallback, boolean secret, String text) {
        return new StackProperty(name, null, fallback, false, secret, BOTH, text);
    }
}
