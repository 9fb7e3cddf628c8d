package org.helpdesk.web.render;

import java.io.IOException;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;

import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.component.fileupload.FileUploadRenderer;

/**
 * PrimeFaces renders the simple mode's native file input with {@code aria-hidden="true"}, although
 * that input is the visible, focusable control itself: screen readers would skip the field that a
 * keyboard user tabs to (axe: aria-hidden-focus, serious). This renders it without that attribute.
 */
public class AccessibleFileUploadRenderer extends FileUploadRenderer {

    @Override
    protected void encodeSimpleInputField(
            FacesContext context, FileUpload fileUpload, String clientId, String style, String styleClass)
            throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        context.setResponseWriter(CorrectingWriter.dropping(writer, "input", "aria-hidden"));
        try {
            super.encodeSimpleInputField(context, fileUpload, clientId, style, styleClass);
        } finally {
            context.setResponseWriter(writer);
        }
    }
}
