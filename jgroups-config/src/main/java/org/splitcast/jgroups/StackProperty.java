package org.splitcast.jgroups;

import java.util.Objects;
import java.util.Set;

/**
 * One {@code ${name:default}} expression of the splitcast stacks, with what it sets.
 *
 * @param name the system property (or key of the properties given to {@link
 *     SplitcastStacks#configurator}) that sets it
 * @param defaultValue the value written after the colon in the XML, or {@code null} if there is
 *     none
 * @param fallback another property whose value is used when this one is not set (the XML writes
 *     {@code ${name,fallback}}), or {@code null}
 * @param required whether the stack cannot start without it (no default, no fallback)
 * @param secret whether the value is a password or secret that must never be logged
 * @param transports the stacks that use it
 * @param description what it sets, with its unit
 */
public record StackProperty(
        String name,
        String defaultValue,
        String fallback,
        boolean required,
        boolean secret,
        Set<SplitcastStacks.Transport> transports,
        String description) {

    public StackProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        transports = Set.copyOf(transports);
        if (required && (defaultValue != null || fallback != null)) {
            throw new IllegalArgumentException(name + ": a required property has no default and no fallback");
        }
    }

    /** Whether the stack of this transport uses the property. */
    public boolean usedBy(SplitcastStacks.Transport transport) {
        return transports.contains(transport);
    }
}
