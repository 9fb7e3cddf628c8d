package org.helpdesk.web.tickets;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.BusinessException;
import org.helpdesk.directory.Profile;
import org.helpdesk.directory.ProfileService;
import org.helpdesk.ticket.NewTicket;
import org.helpdesk.ticket.TicketService;
import org.helpdesk.ticket.Urgency;
import org.helpdesk.web.PageMessages;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.file.UploadedFiles;

/** Backs add.xhtml, the Get Support form. */
@Named
@ViewScoped
public class AddTicketBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where each of the service's field errors is shown. */
    private static final Map<String, String> FIELDS = Map.of(
            "subject", "ticket:subject",
            "details", "ticket:details",
            "urgency", "ticket:urgency",
            "locationId", "ticket:location",
            "attachments", "ticket:attachments");

    @Inject
    private TicketService tickets;

    @Inject
    private ProfileService profiles;

    private List<Profile.LocationView> locations;

    private String subject;
    private String details;
    private Urgency urgency;
    private Long locationId;
    private transient UploadedFiles files;

    @PostConstruct
    void loadLocations() {
        locations = profiles.me().locations();
        if (locations.size() == 1) {
            locationId = locations.get(0).id();
        }
    }

    /** Files the request; on success the new ticket's page, with a confirmation. */
    public void submit() throws IOException {
        try {
            long id = tickets.submit(new NewTicket(subject, details, urgency, locationId), Uploads.of(files));
            Faces.getExternalContext().getFlash().setKeepMessages(true);
            Messages.addFlashGlobalInfo(PageMessages.text("add.created", id));
            Faces.getExternalContext()
                    .redirect(Faces.getExternalContext().getRequestContextPath() + "/tickets/view/" + id);
        } catch (BusinessException refusal) {
            PageMessages.show(refusal, FIELDS);
        }
    }

    public boolean isWithoutLocation() {
        return locations.isEmpty();
    }

    public List<Profile.LocationView> getLocations() {
        return locations;
    }

    public List<Urgency> getUrgencies() {
        return List.of(Urgency.values());
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public void setUrgency(Urgency urgency) {
        this.urgency = urgency;
    }

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }

    public UploadedFiles getFiles() {
        return files;
    }

    public void setFiles(UploadedFiles files) {
        this.files = files;
    }
}
