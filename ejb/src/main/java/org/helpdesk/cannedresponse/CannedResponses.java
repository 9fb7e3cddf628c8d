package org.helpdesk.cannedresponse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.common.ConcurrentChangeException;
import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.Limits;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.common.StorableText;
import org.helpdesk.directory.User;
import org.helpdesk.security.CurrentUser;
import org.helpdesk.security.Permissions;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketService;

/**
 * The staff's reply templates, and each rule about them in one method: every staff member sees
 * the shared templates and their own personal ones, never another's (a personal template of
 * someone else is "not found", like one that does not exist); administrators alone create, change
 * and delete shared ones; a text with an unknown placeholder is refused and nothing is stored.
 */
@Stateless
@RolesAllowed(Permissions.MANAGE_TICKETS)
public class CannedResponses {

    /** The refusal for a template that does not exist or is someone else's personal one. */
    public static final RefusalMessage NOT_FOUND = RefusalMessage.of("cannedResponse.notFound");

    static final RefusalMessage SHARED_ARE_ADMINISTRATORS = RefusalMessage.of("cannedResponse.sharedAreAdministrators");

    private static final RefusalMessage UNSTORABLE = RefusalMessage.of("text.unstorable");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private TicketService tickets;

    @Resource
    private EJBContext context;

    /** The shared templates, then the caller's own, each by title. */
    public List<CannedResponseView> available() {
        User caller = currentUser.get();
        boolean administrator = context.isCallerInRole(Permissions.ADMINISTER);
        List<CannedResponse> shared = em.createQuery(
                        "SELECT c FROM CannedResponse c WHERE c.owner IS NULL ORDER BY c.title, c.id",
                        CannedResponse.class)
                .getResultList();
        List<CannedResponse> own = em.createQuery(
                        "SELECT c FROM CannedResponse c WHERE c.owner.id = :callerId ORDER BY c.title, c.id",
                        CannedResponse.class)
                .setParameter("callerId", caller.getId())
                .getResultList();
        return Stream.concat(shared.stream(), own.stream())
                .map(template -> view(template, template.isShared() ? administrator : true))
                .toList();
    }

    /** A new template: a shared one for administrators only, else the caller's own. */
    public CannedResponseView create(CannedResponseDraft draft) {
        if (draft.shared()) {
            requireAdministrator();
        }
        CannedResponseDraft checked = checked(draft);
        CannedResponse template =
                new CannedResponse(draft.shared() ? null : currentUser.get(), checked.title(), checked.text(), now());
        em.persist(template);
        em.flush();
        return view(template, true);
    }

    /** A new title and text for a template the caller may change, if nobody changed it since they looked. */
    public CannedResponseView update(long id, long expectedVersion, String title, String text) {
        CannedResponse template = editable(id);
        CannedResponseDraft checked = checked(new CannedResponseDraft(title, text, template.isShared()));
        if (template.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException(RefusalMessage.of("cannedResponse.changedMeanwhile"));
        }
        template.rewrite(checked.title(), checked.text(), now());
        em.flush();
        return view(template, true);
    }

    /** Removes a template the caller may change. */
    public void delete(long id) {
        em.remove(editable(id));
    }

    /**
     * The template's text filled in for a ticket the caller may see, for them to edit and send
     * through the ticket's response or note: this sends nothing.
     */
    public String fillFor(long id, long ticketId) {
        CannedResponse template = visible(id);
        TicketDetails ticket = tickets.view(ticketId);
        User staff = currentUser.get();
        return Placeholders.fill(template.getBody(), placeholder -> switch (placeholder) {
            case REQUESTER_FIRST_NAME ->
                Placeholders.firstNameOf(ticket.requester().displayName());
            case REQUESTER_NAME -> ticket.requester().displayName();
            case TICKET_NUMBER -> "#" + ticket.id();
            case TICKET_SUBJECT -> ticket.subject();
            case TICKET_LOCATION -> ticket.location().name();
            case STAFF_FIRST_NAME -> Placeholders.firstNameOf(staff.getDisplayName());
            case STAFF_NAME -> staff.getDisplayName();
        });
    }

    /** The template if the caller may see it: shared, or their own. */
    private CannedResponse visible(long id) {
        CannedResponse template = em.find(CannedResponse.class, id);
        if (template == null || !(template.isShared() || template.isOwnedBy(currentUser.get()))) {
            throw new NotFoundException(NOT_FOUND);
        }
        return template;
    }

    /** The template if the caller may change it: their own, or a shared one for an administrator. */
    private CannedResponse editable(long id) {
        CannedResponse template = visible(id);
        if (template.isShared()) {
            requireAdministrator();
        }
        return template;
    }

    private void requireAdministrator() {
        if (!context.isCallerInRole(Permissions.ADMINISTER)) {
            throw new ForbiddenException(SHARED_ARE_ADMINISTRATORS);
        }
    }

    /** The draft with its title and text stripped, or a refusal naming every field at fault at once. */
    private static CannedResponseDraft checked(CannedResponseDraft draft) {
        String title = draft.title();
        String text = draft.text();
        Map<String, RefusalMessage> errors = new LinkedHashMap<>();
        String strippedTitle = title == null ? "" : title.strip();
        if (strippedTitle.isEmpty()) {
            errors.put("title", RefusalMessage.of("cannedResponse.title.required"));
        } else if (strippedTitle.length() > CannedResponse.MAX_TITLE) {
            errors.put("title", RefusalMessage.of("cannedResponse.title.size", CannedResponse.MAX_TITLE));
        } else if (!StorableText.isStorable(strippedTitle)) {
            errors.put("title", UNSTORABLE);
        }
        String strippedText = text == null ? "" : text.strip();
        Set<String> unknown = Placeholders.unknownIn(strippedText);
        if (strippedText.isEmpty()) {
            errors.put("text", RefusalMessage.of("cannedResponse.text.required"));
        } else if (strippedText.length() > Limits.TEXT) {
            errors.put("text", RefusalMessage.of("text.tooLong", Limits.TEXT));
        } else if (!StorableText.isStorable(strippedText)) {
            errors.put("text", UNSTORABLE);
        } else if (!unknown.isEmpty()) {
            errors.put(
                    "text",
                    RefusalMessage.of(
                            "cannedResponse.placeholders.unknown",
                            unknown.size(),
                            String.join(", ", unknown),
                            String.join(", ", Placeholders.known())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new CannedResponseDraft(strippedTitle, strippedText, draft.shared());
    }

    private static CannedResponseView view(CannedResponse template, boolean editable) {
        return new CannedResponseView(
                template.getId(),
                template.getVersion(),
                template.getTitle(),
                template.getBody(),
                template.isShared(),
                editable);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
