package org.helpdesk.web.render;

import java.io.IOException;
import java.util.List;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.model.SelectItem;

import org.primefaces.component.selectonemenu.SelectOneMenu;
import org.primefaces.component.selectonemenu.SelectOneMenuRenderer;

/**
 * PrimeFaces' menu script sets the combobox's {@code aria-label} to the chosen option, so a screen
 * reader announces "High, combobox" and never "Urgency". {@code aria-labelledby} wins over
 * {@code aria-label}: this renders the menu's {@code labelledBy} (the id of its visible label) on
 * the combobox, which PrimeFaces 15 renders on its other inputs but not here.
 */
public class AccessibleSelectOneMenuRenderer extends SelectOneMenuRenderer {

    @Override
    protected void encodeLabel(FacesContext context, SelectOneMenu menu, List<SelectItem> selectItems)
            throws IOException {
        String labelledBy = menu.getLabelledBy();
        if (labelledBy == null || labelledBy.isBlank() || menu.isEditable()) {
            super.encodeLabel(context, menu, selectItems);
            return;
        }
        ResponseWriter writer = context.getResponseWriter();
        context.setResponseWriter(CorrectingWriter.adding(writer, "span", "aria-labelledby", labelledBy));
        try {
            super.encodeLabel(context, menu, selectItems);
        } finally {
            context.setResponseWriter(writer);
        }
    }
}
