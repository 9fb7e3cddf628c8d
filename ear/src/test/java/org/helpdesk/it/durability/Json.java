package org.helpdesk.it.durability;

import java.io.StringReader;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** Reading the API's JSON answers. */
public final class Json {

    private Json() {}

    public static JsonObject object(String body) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The messages of a ticket view with exactly this text. */
    public static List<JsonObject> messagesWithText(JsonObject ticket, String text) {
        return ticket.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(message -> message.getString("text").equals(text))
                .toList();
    }
}
