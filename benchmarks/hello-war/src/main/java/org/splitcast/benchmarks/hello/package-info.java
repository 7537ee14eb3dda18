/**
 * The baseline of the HTTP benchmark of issue 3: a bare Jakarta REST resource on the same WildFly
 * as splitcast, so that licenses per second are reported as a ratio to what the server answers
 * when it does nothing.
 */
package org.splitcast.benchmarks.hello;
