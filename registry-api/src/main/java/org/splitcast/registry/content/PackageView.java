package org.splitcast.registry.content;

import java.time.Instant;
import java.util.List;

/** A package as the API shows it. */
public record PackageView(String id, String name, List<String> contentIds, Instant createdAt) {}
