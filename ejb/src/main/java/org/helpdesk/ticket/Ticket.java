package org.helpdesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.helpdesk.common.ConflictException;
import org.helpdesk.common.Limits;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.directory.Category;
import org.helpdesk.directory.Location;
import org.helpdesk.directory.User;
import org.helpdesk.sla.BusinessCalendar;
import org.helpdesk.sla.SlaClock;
import org.helpdesk.sla.SlaTarget;

/**
 * A support request: the aggregate of its thread ({@link TicketMessage}) and its history
 * ({@link TicketEvent}). Its methods are the only way to change it, and each records what it did
 * in the history with who and when. Who may call which method is the services' business
 * ({@link TicketService}); what a change does to the ticket is decided here.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    private Long id;

    @Column(nullable = false, length = Limits.SUBJECT)
    private String subject;

    @Column(nullable = false, length = Limits.TEXT)
    private String details;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    /** The urgency's place from low (0) to critical, for the queue's order (an index reads it). */
    @Column(name = "urgency_rank", nullable = false)
    private int urgencyRank;

    /** The status's place from open (0) to closed, for the queue's order. */
    @Column(name = "status_rank", nullable = false)
    private int statusRank;

    @ManyToOne(optional = false)
    @JoinColumn(name = "location_id")
    private Location location;

    @ManyToOne(optional = false)
    @JoinColumn(name = "requester_id")
    private User requester;

    @ManyToOne
    @JoinColumn(name = "assignee_id")
    private User assignee;

    @ManyToOne
    @JoinColumn(name = "category_id")
    private Category category;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The last change the requester can see: internal notes leave it alone (Rule 7). */
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** When staff first answered the requester (an internal note is no answer); null until then. */
    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    /** How long after filing that was, for the dashboard's percentiles (an index holds it). */
    @Column(name = "first_response_millis")
    private Long firstResponseMillis;

    /** When the ticket was last resolved or closed; null while it is open or in progress. */
    @Column(name = "resolved_at")
    private Instant resolvedAt;

    /** How long after filing that was. */
    @Column(name = "resolution_millis")
    private Long resolutionMillis;

    @Version
    private long version;

    // The two SLA clocks as stored (SlaClock: due, paused since, stopped at; NULL due: a ticket
    // filed before the clocks existed), whether the history recorded each one's breach, and the two
    // times derived from them for the queue and the breach timer (V8__sla_clocks.sql).
    @Column(name = "first_response_due_at")
    private Instant firstResponseDueAt;

    @Column(name = "first_response_stopped_at")
    private Instant firstResponseStoppedAt;

    @Column(name = "first_response_breached", nullable = false)
    private boolean firstResponseBreached;

    @Column(name = "resolution_due_at")
    private Instant resolutionDueAt;

    @Column(name = "resolution_paused_at")
    private Instant resolutionPausedAt;

    @Column(name = "resolution_stopped_at")
    private Instant resolutionStoppedAt;

    @Column(name = "resolution_breached", nullable = false)
    private boolean resolutionBreached;

    /** The due time of the clock that runs out first; NULL when none runs. */
    @Column(name = "sla_due_at")
    private Instant slaDueAt;

    /** The first due time of a running clock whose breach the history has not yet recorded. */
    @Column(name = "sla_watch_at")
    private Instant slaWatchAt;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    private List<TicketMessage> messages = new ArrayList<>();

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    private List<TicketEvent> history = new ArrayList<>();

    /** What this ticket did to the counts per location and status; written, never read here. */
    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    private List<TicketCountChange> countChanges = new ArrayList<>();

    protected Ticket() {}

    /** A new request. It is always {@link Status#OPEN}, whatever was asked for (Rule 4). */
    public Ticket(User requester, Location location, String subject, String details, Urgency urgency, Instant now) {
        this.requester = Objects.requireNonNull(requester);
        this.location = Objects.requireNonNull(location);
        this.subject = Objects.requireNonNull(subject);
        this.details = Objects.requireNonNull(details);
        this.urgency = Objects.requireNonNull(urgency);
        this.urgencyRank = urgency.ordinal();
        this.status = Status.OPEN;
        this.statusRank = status.ordinal();
        countChanges.add(new TicketCountChange(this, location, status, 1));
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Adds a response to the thread. A closed ticket takes none. Staff answering an open ticket
     * puts it in progress (Rule 8); the requester answering a resolved ticket reopens it, so that
     * staff see it again. Both status changes are recorded as automatic.
     */
    public TicketMessage respond(User author, boolean byStaff, String text, Instant now) {
        if (status == Status.CLOSED) {
            throw new ConflictException(RefusalMessage.of("ticket.closed"));
        }
        TicketMessage message = new TicketMessage(this, author, text, false, now);
        messages.add(message);
        if (byStaff) {
            firstResponseClock().ifPresent(clock -> setFirstResponseClock(clock.stop(now)));
        }
        if (byStaff && firstResponseAt == null) {
            firstResponseAt = now;
            firstResponseMillis = Duration.between(createdAt, now).toMillis();
        }
        if (byStaff && status == Status.OPEN) {
            moveTo(Status.IN_PROGRESS, author, true, now);
        } else if (!byStaff && status == Status.RESOLVED) {
            moveTo(Status.OPEN, author, true, now);
        }
        updatedAt = now;
        return message;
    }

    /** A staff-only note. It changes neither the status nor the time the requester sees (Rule 7). */
    public TicketMessage addInternalNote(User author, String text, Instant now) {
        TicketMessage note = new TicketMessage(this, author, text, true, now);
        messages.add(note);
        return note;
    }

    /** The requester's edit of their request text; each changed field is recorded, old and new. */
    public void updateRequest(User editor, String newSubject, String newDetails, Instant now) {
        if (!subject.equals(newSubject)) {
            history.add(new TicketEvent(this, editor, EventType.SUBJECT_CHANGED, subject, newSubject, false, now));
            subject = newSubject;
            updatedAt = now;
        }
        if (!details.equals(newDetails)) {
            history.add(new TicketEvent(this, editor, EventType.DETAILS_CHANGED, details, newDetails, false, now));
            details = newDetails;
            updatedAt = now;
        }
    }

    /** Staff's change of status to any of the four. */
    public void changeStatus(User actor, Status newStatus, Instant now) {
        if (status != newStatus) {
            moveTo(newStatus, actor, false, now);
            updatedAt = now;
        }
    }

    /** Staff's assignment; {@code null} unassigns. */
    public void assign(User actor, User newAssignee, Instant now) {
        if (!sameUser(assignee, newAssignee)) {
            history.add(new TicketEvent(
                    this, actor, EventType.ASSIGNEE_CHANGED, nameOf(assignee), nameOf(newAssignee), false, now));
            assignee = newAssignee;
            updatedAt = now;
        }
    }

    /** Staff's categorisation; {@code null} clears it. */
    public void categorise(User actor, Category newCategory, Instant now) {
        Long oldId = category == null ? null : category.getId();
        Long newId = newCategory == null ? null : newCategory.getId();
        if (!Objects.equals(oldId, newId)) {
            history.add(new TicketEvent(
                    this,
                    actor,
                    EventType.CATEGORY_CHANGED,
                    category == null ? null : category.getName(),
                    newCategory == null ? null : newCategory.getName(),
                    false,
                    now));
            category = newCategory;
            updatedAt = now;
        }
    }

    private void moveTo(Status newStatus, User actor, boolean automatic, Instant now) {
        history.add(new TicketEvent(
                this, actor, EventType.STATUS_CHANGED, status.code(), newStatus.code(), automatic, now));
        countChanges.add(new TicketCountChange(this, location, status, -1));
        countChanges.add(new TicketCountChange(this, location, newStatus, 1));
        if (isDone(newStatus) && !isDone(status)) {
            resolvedAt = now;
            resolutionMillis = Duration.between(createdAt, now).toMillis();
        } else if (!isDone(newStatus)) {
            // Reopened: no longer resolved; the next resolution is measured from the filing again.
            resolvedAt = null;
            resolutionMillis = null;
        }
        status = newStatus;
        statusRank = newStatus.ordinal();
    }

    /** Starts both clocks at filing, in the location's working time, with the urgency's targets. */
    public void startClocks(BusinessCalendar calendar, SlaTarget target) {
        setFirstResponseClock(SlaClock.start(calendar, createdAt, target.firstResponse()));
        setResolutionClock(SlaClock.start(calendar, createdAt, target.resolution()));
    }

    /**
     * Brings the clocks in line with the status, after any change of it: resolved pauses the
     * resolution clock (the ticket waits for its requester), closed stops it, open or in progress
     * again resumes it with the working time that was left. Resolving or closing also stops the
     * first-response clock: the requester has had an answer. Calling it again changes nothing.
     */
    public void followClocks(BusinessCalendar calendar, Instant now) {
        if (status == Status.RESOLVED || status == Status.CLOSED) {
            firstResponseClock().ifPresent(clock -> setFirstResponseClock(clock.stop(now)));
        }
        resolutionClock()
                .ifPresent(clock -> setResolutionClock(
                        switch (status) {
                            case OPEN, IN_PROGRESS -> clock.resume(calendar, now);
                            case RESOLVED -> clock.pause(now);
                            case CLOSED -> clock.stop(now);
                        }));
    }

    /** The history's names of the two clocks (an SLA_BREACHED event's {@code to} value). */
    public static final String FIRST_RESPONSE = "first_response";

    public static final String RESOLUTION = "resolution";

    public Optional<SlaClock> firstResponseClock() {
        return firstResponseDueAt == null
                ? Optional.empty()
                : Optional.of(new SlaClock(firstResponseDueAt, null, firstResponseStoppedAt));
    }

    public Optional<SlaClock> resolutionClock() {
        return resolutionDueAt == null
                ? Optional.empty()
                : Optional.of(new SlaClock(resolutionDueAt, resolutionPausedAt, resolutionStoppedAt));
    }

    private void setFirstResponseClock(SlaClock clock) {
        if (clock.pausedAt() != null) {
            throw new IllegalArgumentException("The first-response clock does not pause");
        }
        firstResponseDueAt = clock.due();
        firstResponseStoppedAt = clock.stoppedAt();
        refreshDueTimes();
    }

    private void setResolutionClock(SlaClock clock) {
        resolutionDueAt = clock.due();
        resolutionPausedAt = clock.pausedAt();
        resolutionStoppedAt = clock.stoppedAt();
        refreshDueTimes();
    }

    private void refreshDueTimes() {
        Optional<Instant> firstResponse = firstResponseClock().flatMap(SlaClock::runningDue);
        Optional<Instant> resolution = resolutionClock().flatMap(SlaClock::runningDue);
        slaDueAt = earliest(firstResponse, resolution);
        slaWatchAt = watchAt(firstResponseClock(), firstResponseBreached, resolutionClock(), resolutionBreached);
    }

    /** The first due time of a running clock whose breach is not yet recorded; NULL: none. */
    static Instant watchAt(
            Optional<SlaClock> firstResponse,
            boolean firstResponseRecorded,
            Optional<SlaClock> resolution,
            boolean resolutionRecorded) {
        return earliest(
                firstResponse.flatMap(SlaClock::runningDue).filter(due -> !firstResponseRecorded),
                resolution.flatMap(SlaClock::runningDue).filter(due -> !resolutionRecorded));
    }

    private static Instant earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isPresent() && b.isPresent()) {
            return a.get().isBefore(b.get()) ? a.get() : b.get();
        }
        return a.or(() -> b).orElse(null);
    }

    public boolean isFirstResponseBreached() {
        return firstResponseBreached;
    }

    public boolean isResolutionBreached() {
        return resolutionBreached;
    }

    public Instant getSlaDueAt() {
        return slaDueAt;
    }

    /** Resolved and closed tickets wait for nobody: their resolution time is measured. */
    private static boolean isDone(Status status) {
        return status == Status.RESOLVED || status == Status.CLOSED;
    }

    private static boolean sameUser(User a, User b) {
        return a == null ? b == null : b != null && a.getId().equals(b.getId());
    }

    /** How the history names a person: as people knew them at the time, like a category's name. */
    private static String nameOf(User user) {
        return user == null ? null : user.getDisplayName();
    }

    public boolean isRequestedBy(User user) {
        return requester.getId().equals(user.getId());
    }

    public Long getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetails() {
        return details;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public Status getStatus() {
        return status;
    }

    public Location getLocation() {
        return location;
    }

    public User getRequester() {
        return requester;
    }

    public User getAssignee() {
        return assignee;
    }

    public Category getCategory() {
        return category;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public long getVersion() {
        return version;
    }
}
