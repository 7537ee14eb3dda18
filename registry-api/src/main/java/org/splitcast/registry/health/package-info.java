/**
 * MicroProfile Health readiness checks, served by WildFly on the management interface ({@code
 * /health/ready}): the database (product, schema version) and the key vault (the master keystore
 * readable, a seal/open round trip working). They live in this jar, in the EAR's {@code lib/},
 * because WildFly registers the health checks of an EAR's top-level module only, not those of its
 * EJB or web modules (WFLY-12835).
 */
package org.splitcast.registry.health;
