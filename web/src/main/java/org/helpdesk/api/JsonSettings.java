package org.helpdesk.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's JSON: every field is written, {@code null} included, so that clients can rely on the
 * field names ({@code "assignee": null} rather than a missing field). Instants are ISO-8601 UTC,
 * JSON-B's default.
 */
@Provider
public class JsonSettings implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
