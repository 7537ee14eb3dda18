/**
 * The schema: one ordered Flyway history (run on H2 and PostgreSQL alike) applied when the
 * application starts, before any other bean touches the database. Each EJB module declares its own
 * tables in {@code db/migration/<module>/} of its jar (registry, license, session); {@link
 * org.splitcast.registry.schema.Migrations} runs them all.
 */
package org.splitcast.registry.schema;
