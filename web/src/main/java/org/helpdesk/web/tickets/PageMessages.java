package org.helpdesk.web.tickets;

import java.text.MessageFormat;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import org.helpdesk.common.BusinessException;
import org.helpdesk.common.InvalidInputException;

/**
 * Shows an EJB's refusal in the page: each field error beside its field (the service's field name
 * mapped to the component's client id), everything else at the top.
 */
final class PageMessages {

    private PageMessages() {}

    static void show(BusinessException refusal, Map<String, String> clientIdsByField) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.validationFailed();
        if (refusal instanceof InvalidInputException invalid) {
            invalid.fieldErrors()
                    .forEach((field, message) -> context.addMessage(
                            clientIdsByField.get(field),
                            new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message)));
        } else {
            context.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.getMessage(), refusal.getMessage()));
        }
    }

    static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        String pattern =
                context.getApplication().getResourceBundle(context, "msg").getString(key);
        return arguments.length == 0 ? pattern : MessageFormat.format(pattern, arguments);
    }
}
