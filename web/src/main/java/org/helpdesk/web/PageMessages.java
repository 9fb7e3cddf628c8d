package org.helpdesk.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import org.helpdesk.common.BusinessException;
import org.helpdesk.common.InvalidInputException;

/**
 * The one way a page shows an EJB's refusal: each field error beside its field (the service's field
 * name mapped to the component's client id), everything else at the top, in the page's language; and
 * its confirmations.
 */
public final class PageMessages {

    private PageMessages() {}

    public static void show(BusinessException refusal, Map<String, String> clientIdsByField) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.validationFailed();
        if (refusal instanceof InvalidInputException invalid) {
            invalid.fieldErrorsIn(locale(context))
                    .forEach((field, message) -> context.addMessage(
                            clientIdsByField.get(field),
                            new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message)));
        } else {
            String text = refusal.messageIn(locale(context));
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }

    /** The refusal as one message at {@code clientId} ({@code null}: the top of the page). */
    public static void showAt(BusinessException refusal, String clientId) {
        FacesContext context = FacesContext.getCurrentInstance();
        String text = refusal instanceof InvalidInputException invalid
                ? String.join(" ", invalid.fieldErrorsIn(locale(context)).values())
                : refusal.messageIn(locale(context));
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        context.validationFailed();
    }

    /** A confirmation at the top of the page. */
    public static void info(String summary, String detail) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
    }

    /** The page's language, which Faces chose from the browser's Accept-Language. */
    private static Locale locale(FacesContext context) {
        return context.getViewRoot().getLocale();
    }

    public static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        String pattern =
                context.getApplication().getResourceBundle(context, "msg").getString(key);
        return arguments.length == 0 ? pattern : MessageFormat.format(pattern, arguments);
    }
}
