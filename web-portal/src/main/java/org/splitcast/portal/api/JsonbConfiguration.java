package org.splitcast.portal.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * How the API reads and writes JSON: absent values are left out, and a property the operation does
 * not know is an error (a misspelt optional field would otherwise be silently ignored). Request
 * bodies are read by {@link org.splitcast.portal.api.json.StrictJsonReader}, which checks them
 * with {@link org.splitcast.portal.api.json.StrictJson}'s rules before this binds them.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(false)
            // Yasson's switch (JSON-B has none): reject unknown properties
            .setProperty("jsonb.fail-on-unknown-properties", true));

    /** The API's one JSON-B instance. */
    public static Jsonb jsonb() {
        return JSONB;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
