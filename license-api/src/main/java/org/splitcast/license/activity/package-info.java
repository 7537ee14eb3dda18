/**
 * Step 112 of seed 003: the events that keep the list of active users (new subscribers, new
 * terminals, contents newly accessed, removed subscribers and terminals), from the system's own
 * operations and from integrators.
 */
package org.splitcast.license.activity;
