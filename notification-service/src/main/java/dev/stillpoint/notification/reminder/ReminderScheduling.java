package dev.stillpoint.notification.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.booking.BookingEvent;
import dev.stillpoint.events.booking.BookingEventType;
import dev.stillpoint.notification.delivery.DeliveryQueue;
import dev.stillpoint.notification.delivery.NewNotification;
import dev.stillpoint.notification.delivery.NotificationInserts;
import dev.stillpoint.notification.delivery.NotificationStatus;
import dev.stillpoint.notification.delivery.QueuedNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans a confirmed session's chain of care, moves it when the session moves and cancels it when the session is
 * cancelled. Each step is a notification row (the timeline shows it) and, until it is due, a db-scheduler execution,
 * written in the transaction of the event that caused it. When the execution fires, the step is released to the
 * delivery queue, which sends it with the same retries, ordering and Message-ID as every other email.
 */
@Service
public class ReminderScheduling {

    private static final Logger logger = LoggerFactory.getLogger(ReminderScheduling.class);

    private final DeliveryQueue queue;

    private final NotificationInserts inserts;

    private final SchedulerClient scheduler;

    private final ReminderPlanner planner;

    private final TurnedOffSteps turnedOff;

    private final JsonMapper json;

    private final Clock clock;

    ReminderScheduling(DeliveryQueue queue, NotificationInserts inserts, SchedulerClient scheduler,
            ReminderProperties properties, TurnedOffSteps turnedOff, JsonMapper json, Clock clock) {
        this.queue = queue;
        this.inserts = inserts;
        this.scheduler = scheduler;
        this.planner = new ReminderPlanner(properties);
        this.turnedOff = turnedOff;
        this.json = json;
        this.clock = clock;
    }

    /** Plans the chain of a confirmed session, as the event describes it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void plan(BookingEvent event) {
        schedule(this.inserts.addAll(steps(event, this.json.writeValueAsString(event), null)));
    }

    /**
     * The chain of a confirmed session, as the event (whose JSON is {@code eventJson}) describes it: each step
     * {@code SCHEDULED} for its time, {@code PENDING} if its time has come, or {@code SKIPPED} with the reason (the
     * timing rules, or the client turned it off). Add
     * them to the queue, then hand those added to {@link #schedule}.
     */
    public List<QueuedNotification> steps(BookingEvent event, String eventJson, String traceParent) {
        BookingDetails booking = event.booking();
        Instant now = this.clock.instant();
        String eventType = BookingEventType.of(event).ceType();
        List<QueuedNotification> steps = new ArrayList<>(ReminderKind.NAMES.size());
        Set<ReminderKind> off = this.turnedOff.of(booking.client().email());
        for (PlannedStep step : this.planner.plan(booking.startsAt(), booking.endsAt(),
                ZoneId.of(booking.client().timeZone()), now)) {
            NewNotification notification = new NewNotification(event.bookingId(), event.bookingVersion(),
                    step.kind().name(), booking.client().email(), booking.client().timeZone(), eventType, eventJson,
                    step.dueAt(), step.kind().expiresAt(booking));
            boolean chosenOff = !step.isSkipped() && off.contains(step.kind());
            NotificationStatus status = (step.isSkipped() || chosenOff) ? NotificationStatus.SKIPPED
                    : step.dueAt().isAfter(now) ? NotificationStatus.SCHEDULED : NotificationStatus.PENDING;
            steps.add(new QueuedNotification(notification, status, chosenOff ? TurnedOffSteps.REASON : step.skipReason(),
                    traceParent));
        }
        return steps;
    }

    /**
     * Gives each step just added to the queue that waits for its time a db-scheduler execution at that time, all in
     * one batch, in the current transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void schedule(List<QueuedNotification> added) {
        List<SchedulableInstance<?>> executions = added.stream()
            .filter((queued) -> queued.status() == NotificationStatus.SCHEDULED)
            .<SchedulableInstance<?>>map((queued) -> ReminderTask.DESCRIPTOR
                .instance(queued.notification().id().toString()).scheduledTo(queued.notification().dueAt()))
            .toList();
        if (!executions.isEmpty()) {
            this.scheduler.scheduleBatch(executions);
        }
    }

    /**
     * Releases a scheduled step now instead of at its time (what ops do when a reminder must go out early); returns
     * false if it is not waiting for its time any more.
     */
    public boolean releaseNow(UUID id) {
        TaskInstanceId execution = ReminderTask.DESCRIPTOR.instanceId(id.toString());
        if (this.scheduler.getScheduledExecution(execution).isEmpty()) {
            return false;
        }
        this.scheduler.reschedule(execution, this.clock.instant());
        return true;
    }

    /** Cancels one step that is not sent yet, saying why; returns false if there was nothing left to cancel. */
    @Transactional
    public boolean cancelStep(UUID id, String reason) {
        if (!this.queue.cancelUnsent(id, reason)) {
            return false;
        }
        cancelExecution(id);
        return true;
    }

    /** Cancels every step of a booking's chain that is not sent yet, saying why. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancel(UUID bookingId, String reason) {
        for (UUID id : this.queue.cancelUnsent(bookingId, ReminderKind.NAMES, reason)) {
            cancelExecution(id);
        }
    }

    /** Gives a step that waits for its time again (the client turned it back on) its execution at that time. */
    @Transactional(propagation = Propagation.MANDATORY)
    void scheduleAgain(UUID id, Instant dueAt) {
        this.scheduler.scheduleIfNotExists(ReminderTask.DESCRIPTOR.instance(id.toString()).scheduledTo(dueAt));
    }

    /** Removes the execution of a step that will not be sent (the client turned it off). */
    void unschedule(UUID id) {
        cancelExecution(id);
    }

    private void cancelExecution(UUID id) {
        TaskInstanceId execution = ReminderTask.DESCRIPTOR.instanceId(id.toString());
        try {
            if (this.scheduler.getScheduledExecution(execution).isPresent()) {
                this.scheduler.cancel(execution);
            }
        }
        catch (TaskInstanceException ex) {
            // firing right now: the release finds the step cancelled and sends nothing
            logger.debug("Reminder {} is being released as it is cancelled: {}", id, ex.getMessage());
        }
    }

}
