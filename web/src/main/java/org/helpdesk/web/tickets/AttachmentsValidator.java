package org.helpdesk.web.tickets;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;

import org.helpdesk.attachment.AttachmentLimits;
import org.helpdesk.web.PageMessages;
import org.primefaces.model.file.UploadedFiles;

/**
 * Rule 5 at the pages' file fields, before anything is stored: at most {@link AttachmentLimits#MAX_FILES}
 * files, each of at most {@link AttachmentLimits#MAX_FILE_BYTES}. (PrimeFaces' {@code p:validateFile}
 * applies its size limit to the files of a field together, which would refuse two files of 6 MB.)
 * The EJB that stores the files checks the same again.
 */
@FacesValidator(AttachmentsValidator.ID)
public class AttachmentsValidator implements Validator<UploadedFiles> {

    public static final String ID = "helpdesk.Attachments";

    @Override
    public void validate(FacesContext context, UIComponent component, UploadedFiles files) {
        var chosen = Uploads.chosen(files);
        if (chosen.size() > AttachmentLimits.MAX_FILES
                || chosen.stream().anyMatch(file -> file.getSize() > AttachmentLimits.MAX_FILE_BYTES)) {
            String refusal = PageMessages.text("add.attachments.invalid");
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal, refusal));
        }
    }
}
