/**
 * A development and test stand-in for the central server's live REST API on the JDK HTTP server,
 * driving the publisher: what the WildFly application (ejb-session + web-portal) exposes, so that
 * edges and terminals can be run and tested without the application server. docs/live.md §6 and
 * §8.
 */
package org.splitcast.multicast.devserver;
