package org.helpdesk.web.tickets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.helpdesk.attachment.AttachmentLimits;

/** Rule 5's limits for the pages' upload fields (#{uploadLimits.maxFiles}); the EJBs check them again. */
@Named
@ApplicationScoped
public class UploadLimits {

    public int getMaxFiles() {
        return AttachmentLimits.MAX_FILES;
    }

    public long getMaxFileBytes() {
        return AttachmentLimits.MAX_FILE_BYTES;
    }
}
