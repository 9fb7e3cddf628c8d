package org.helpdesk.web.render;

import java.io.IOException;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ResponseWriter;

import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces gives each message's list item {@code role="alert"}, which makes it no list item any
 * more: the list then holds no items (axe: list, serious; aria-allowed-role). The messages are
 * still announced: their container is a polite live region.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {

    @Override
    protected void encodeMessage(
            ResponseWriter writer, Messages component, FacesMessage message, String styleClassPrefix, boolean escape)
            throws IOException {
        super.encodeMessage(
                CorrectingWriter.dropping(writer, "li", "role", "aria-atomic"),
                component,
                message,
                styleClassPrefix,
                escape);
    }
}
