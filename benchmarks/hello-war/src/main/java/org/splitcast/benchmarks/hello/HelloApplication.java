package org.splitcast.benchmarks.hello;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Jakarta REST at the root of the WAR's context, {@code /splitcast-bench-hello}. */
@ApplicationPath("/")
public class HelloApplication extends Application {}
