package org.helpdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A form posted with a view state that does not belong to the page it is posted to (a forged or
 * tampered post, or a form of another page) cannot be restored; Faces then fails deep in its state
 * handling. That is the client's mistake, not the server's: the answer is 400 with the error page,
 * and nothing of the post is applied. An expired view keeps its own page (ViewExpiredException).
 */
public class ForeignViewStateHandler extends ViewHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(ForeignViewStateHandler.class.getName());

    public ForeignViewStateHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot restoreView(FacesContext context, String viewId) {
        try {
            return getWrapped().restoreView(context, viewId);
        } catch (ViewExpiredException expired) {
            throw expired;
        } catch (RuntimeException unrestorable) {
            LOG.warning(
                    () -> "Refused a post to " + viewId + " whose view state does not belong to it: " + unrestorable);
            try {
                context.getExternalContext()
                        .responseSendError(
                                HttpServletResponse.SC_BAD_REQUEST, "This form does not belong to this page.");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.responseComplete();
            return getWrapped().createView(context, viewId);
        }
    }
}
