package org.splitcast.jgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jgroups.JChannel;
import org.jgroups.conf.ProtocolConfiguration;
import org.jgroups.conf.ProtocolStackConfigurator;
import org.jgroups.protocols.ASYM_ENCRYPT;
import org.jgroups.protocols.AUTH;
import org.jgroups.protocols.SSL_KEY_EXCHANGE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.splitcast.jgroups.SplitcastStacks.Transport;
import org.w3c.dom.Document;

/** The XML files and their properties, without a network. */
class StackFilesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    /** Each XML file and the stacks that use it. */
    private static final Map<String, Set<Transport>> FILES = Map.of(
            "udp.xml", EnumSet.of(Transport.UDP),
            "tcp.xml", EnumSet.of(Transport.TCP),
            "secure-protocols.xml", EnumSet.allOf(Transport.class));

    private static final List<String> SECURE_PART = List.of(
            "MERGE3",
            "FD_SOCK2",
            "SSL_KEY_EXCHANGE",
            "ASYM_ENCRYPT",
            "FD_ALL3",
            "VERIFY_SUSPECT2",
            "pbcast.NAKACK2",
            "UNICAST3",
            "pbcast.STABLE",
            "AUTH",
            "pbcast.GMS",
            "UFC",
            "MFC",
            "FRAG4");

    @ParameterizedTest
    @EnumSource(Transport.class)
    void stackParsesWithTheSharedSecurityFragmentIncluded(Transport transport) throws IOException {
        List<String> names = protocolNames(transport);
        List<String> expected =
                new ArrayList<>(transport == Transport.UDP ? List.of("UDP", "RED", "PING") : List.of("TCP", "TCPPING"));
        expected.addAll(SECURE_PART);
        assertEquals(expected, names);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void securityProtocolsSitWhereTheyProtectWhatTheyShould(Transport transport) throws IOException {
        List<String> names = protocolNames(transport);
        int encrypt = names.indexOf("ASYM_ENCRYPT");
        assertTrue(encrypt < names.indexOf("pbcast.NAKACK2"), "retransmissions are of encrypted messages");
        assertTrue(encrypt < names.indexOf("UNICAST3"));
        assertTrue(names.indexOf("SSL_KEY_EXCHANGE") < encrypt, "the key exchange works without the key");
        assertTrue(names.indexOf("MERGE3") < encrypt, "partitions with different keys can still meet");
        assertTrue(encrypt < names.indexOf("FD_ALL3"), "heartbeats need the group key");
        assertTrue(encrypt < names.indexOf("VERIFY_SUSPECT2"), "so do answers to a suspicion");
        assertEquals(names.indexOf("pbcast.GMS") - 1, names.indexOf("AUTH"), "AUTH directly under GMS");
    }

    @Test
    void xmlFilesAreWellFormedConfigDocuments() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String file : FILES.keySet()) {
            try (InputStream in = resource(file)) {
                Document doc = factory.newDocumentBuilder().parse(in);
                assertEquals("config", doc.getDocumentElement().getLocalName(), file);
                assertEquals("urn:org:jgroups", doc.getDocumentElement().getNamespaceURI(), file);
            }
        }
    }

    @Test
    void everyPlaceholderHasADefaultOrIsADocumentedRequiredProperty() throws IOException {
        int checked = 0;
        for (Map.Entry<String, Set<Transport>> file : FILES.entrySet()) {
            Matcher m = PLACEHOLDER.matcher(withoutComments(text(file.getKey())));
            while (m.find()) {
                String expression = m.group(1);
                int colon = expression.indexOf(':');
                List<String> names =
                        Arrays.asList((colon < 0 ? expression : expression.substring(0, colon)).split(","));
                String xmlDefault = colon < 0 ? null : expression.substring(colon + 1);
                for (Transport transport : file.getValue()) {
                    String where = file.getKey() + " ${" + expression + "} in " + transport;
                    StackProperty property = SplitcastStacks.property(transport, names.get(0))
                            .orElseThrow(() -> new AssertionError(where + ": not documented in SplitcastStacks"));
                    if (xmlDefault != null) {
                        assertEquals(property.defaultValue(), xmlDefault, where + ": documented default");
                        assertFalse(property.required(), where);
                    } else if (names.size() == 2) {
                        assertEquals(property.fallback(), names.get(1), where + ": documented fallback");
                        assertTrue(SplitcastStacks.property(transport, names.get(1))
                                .orElseThrow()
                                .required());
                    } else {
                        assertEquals(1, names.size(), where);
                        assertTrue(property.required(), where + ": no default, so documented as required");
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 50, "placeholders checked: " + checked);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void everyDocumentedPropertyIsUsedByTheStack(Transport transport) throws IOException {
        String xml = withoutComments(text(transport.resource().substring(SplitcastStacks.RESOURCE_FOLDER.length()))
                + text("secure-protocols.xml"));
        for (StackProperty property : SplitcastStacks.properties(transport)) {
            assertTrue(
                    Pattern.compile("\\$\\{([^}]*[{,])?" + Pattern.quote(property.name()) + "[,:}]")
                            .matcher(xml)
                            .find(),
                    property.name() + " is not used by " + transport);
        }
    }

    @Test
    void guideListsEveryProperty() throws IOException {
        Path guide = Path.of("..", "docs", "jgroups.md");
        String text = Files.readString(guide);
        for (Transport transport : Transport.values()) {
            for (StackProperty property : SplitcastStacks.properties(transport)) {
                assertTrue(text.contains("`" + property.name() + "`"), property.name() + " missing from " + guide);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void missingRequiredPropertiesAreNamedBeforeAnythingStarts(Transport transport) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SplitcastStacks.configurator(transport, Map.of()));
        for (String name : List.of(
                SplitcastStacks.KEYSTORE_PATH,
                SplitcastStacks.KEYSTORE_PASSWORD,
                SplitcastStacks.AUTH_KEYSTORE_PATH,
                SplitcastStacks.AUTH_KEYSTORE_PASSWORD,
                SplitcastStacks.AUTH_SECRET)) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertEquals(5, SplitcastStacks.requiredProperties(transport).size());
    }

    @Test
    void givenPropertiesWinOverDefaultsAndFallbacksApply() throws IOException {
        Map<String, String> given = new HashMap<>(requiredDummies());
        given.put(SplitcastStacks.IP_TTL, "0");
        given.put(SplitcastStacks.BIND_ADDR, "127.0.0.1");
        ProtocolStackConfigurator configurator = SplitcastStacks.configurator(Transport.UDP, given);

        Map<String, String> udp = attributes(configurator, "UDP");
        assertEquals("0", udp.get("ip_ttl"));
        assertEquals("127.0.0.1", udp.get("bind_addr"));
        assertEquals("45789", udp.get("mcast_port"), "the default where nothing is given");
        Map<String, String> keyExchange = attributes(configurator, "SSL_KEY_EXCHANGE");
        assertEquals("/keys/node.p12", keyExchange.get("truststore_name"), "trust store falls back to key store");
        assertEquals("127.0.0.1", keyExchange.get("bind_addr"));
        assertEquals("127.0.0.1", attributes(configurator, "FD_SOCK2").get("bind_addr"), "FD_SOCK2 bound too");
        for (ProtocolConfiguration protocol : configurator.getProtocolStack()) {
            protocol.getProperties()
                    .forEach((k, v) -> assertFalse(v.contains("${"), protocol.getProtocolName() + "." + k + "=" + v));
        }
    }

    @Test
    void channelCanBeBuiltFromTheBareInputStreamWithSystemProperties() throws Exception {
        TestPki pki = new TestPki(Path.of("target", "test-pki", "system-properties"), "sysprops");
        Map<String, String> props = pki.nodeCredentials("edge-sysprops", "edge");
        props.forEach(System::setProperty);
        try (InputStream xml = SplitcastStacks.openStack(Transport.TCP);
                JChannel channel = new JChannel(xml)) {
            assertNotNull(channel.getProtocolStack().findProtocol(ASYM_ENCRYPT.class), "the include was resolved");
            assertNotNull(channel.getProtocolStack().findProtocol(AUTH.class));
            SSL_KEY_EXCHANGE keyExchange = channel.getProtocolStack().findProtocol(SSL_KEY_EXCHANGE.class);
            assertEquals(props.get(SplitcastStacks.KEYSTORE_PATH), keyExchange.getKeystoreName());
            assertEquals(props.get(SplitcastStacks.KEYSTORE_PATH), keyExchange.getTruststoreName());
        } finally {
            props.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void stacksAreOnTheClasspathUnderTheirNames() throws IOException {
        assertTrue(SplitcastStacks.stackResource(Transport.TCP).toString().endsWith("org/splitcast/jgroups/tcp.xml"));
        assertTrue(SplitcastStacks.stackResource(Transport.UDP).toString().endsWith("org/splitcast/jgroups/udp.xml"));
        try (InputStream in = SplitcastStacks.openStack(Transport.UDP)) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<include file=\"" + SplitcastStacks.SECURE_PROTOCOLS_RESOURCE + "\"/>"));
        }
    }

    @Test
    void transportIsReadFromConfigurationValues() {
        assertEquals(Transport.UDP, Transport.of("udp"));
        assertEquals(Transport.TCP, Transport.of(" TCP.xml "));
        assertThrows(IllegalArgumentException.class, () -> Transport.of("tunnel"));
    }

    @Test
    void descriptionMarksRequiredPropertiesAndHidesNoDefault() {
        String text = SplitcastStacks.describe(Transport.TCP);
        assertTrue(text.lines().anyMatch(l -> l.contains(SplitcastStacks.AUTH_SECRET) && l.contains("REQUIRED")), text);
        assertTrue(
                text.lines().anyMatch(l -> l.contains(SplitcastStacks.INITIAL_HOSTS) && l.contains("127.0.0.1[7800]")));
        assertFalse(text.contains(SplitcastStacks.MCAST_ADDR), "UDP-only properties are not listed for TCP");
    }

    // ---- helpers -------------------------------------------------------------------------

    static Map<String, String> requiredDummies() {
        return Map.of(
                SplitcastStacks.KEYSTORE_PATH, "/keys/node.p12",
                SplitcastStacks.KEYSTORE_PASSWORD, "pw",
                SplitcastStacks.AUTH_KEYSTORE_PATH, "/keys/join.p12",
                SplitcastStacks.AUTH_KEYSTORE_PASSWORD, "pw",
                SplitcastStacks.AUTH_SECRET, "secret");
    }

    private static Map<String, String> attributes(ProtocolStackConfigurator configurator, String protocol) {
        return configurator.getProtocolStack().stream()
                .filter(p -> p.getProtocolName().equals(protocol))
                .findFirst()
                .orElseThrow()
                .getProperties();
    }

    private static List<String> protocolNames(Transport transport) throws IOException {
        return SplitcastStacks.parse(transport).getProtocolStack().stream()
                .map(ProtocolConfiguration::getProtocolName)
                .toList();
    }

    private static String withoutComments(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", "");
    }

    private static InputStream resource(String file) {
        InputStream in =
                StackFilesTest.class.getClassLoader().getResourceAsStream(SplitcastStacks.RESOURCE_FOLDER + file);
        assertNotNull(in, file);
        return in;
    }

    private static String text(String file) throws IOException {
        try (InputStream in = resource(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
