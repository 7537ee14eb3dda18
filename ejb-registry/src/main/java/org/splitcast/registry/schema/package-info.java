/**
 * The schema: Flyway migrations ({@code db/migration}, run on H2 and PostgreSQL alike) applied
 * when the application starts, before any other bean touches the database.
 */
package org.splitcast.registry.schema;
