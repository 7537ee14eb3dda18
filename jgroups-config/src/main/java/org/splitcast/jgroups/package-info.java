/**
 * The JGroups protocol stacks of splitcast and how to load them: {@code udp.xml} (IP multicast)
 * and {@code tcp.xml} (TCPPING) under {@code org/splitcast/jgroups/}, both including {@code
 * secure-protocols.xml}, which authenticates members (AUTH) and encrypts all traffic
 * (ASYM_ENCRYPT with SSL_KEY_EXCHANGE). {@link org.splitcast.jgroups.SplitcastStacks} names the
 * stacks, documents and checks their properties and builds channels; {@link
 * org.splitcast.jgroups.PeerCertificateVerifier} is the certificate check of the key exchange;
 * {@link org.splitcast.jgroups.DevelopmentPki} makes a throw-away cluster PKI (CA, node
 * certificates, join key pair) for a development installation and the tests.
 *
 * <p>Serves seed 000, claim 1 (the complementary information goes from the secure central server
 * to the addressee's equipment "in an extended, secure multicasting mode ... via at least one
 * access point"): the central server and the edge nodes at the access points form this cluster
 * (docs/architecture.md §3 E).
 */
package org.splitcast.jgroups;
