package dev.stillpoint.booking.appointment;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.stillpoint.outbox.Outbox;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books, reschedules and cancels sessions. Each change is stored together with the event announcing it,
 * in one transaction.
 */
@Service
public class BookingManagement {

    private final BookingRepository bookings;

    private final BookingRules rules;

    private final BookingEvents events;

    private final Outbox outbox;

    private final UpcomingCap cap;

    private final Clock clock;

    BookingManagement(BookingRepository bookings, BookingRules rules, BookingEvents events, Outbox outbox,
            UpcomingCap cap, Clock clock) {
        this.bookings = bookings;
        this.rules = rules;
        this.events = events;
        this.outbox = outbox;
        this.cap = cap;
        this.clock = clock;
    }

    @Transactional
    public Booking book(NewBooking request) {
        this.rules.checkStart(request.startsAt(), request.sessionType());
        this.cap.check(request.client().email(), 1);
        Booking booking = Booking.create(UUID.randomUUID(), request, null, this.clock.instant());
        ensureSlotFree(booking);
        return place(booking);
    }

    /**
     * Books {@code sessions} weekly sessions, the first as requested and each next one a week later at the same time
     * at the practice. Each is its own booking with its own events; either all are booked or none.
     */
    @Transactional
    public List<Booking> bookSeries(NewBooking first, int sessions) {
        List<NewBooking> weeks = this.rules.weekly(first, sessions);
        this.cap.check(first.client().email(), sessions);
        UUID seriesId = UUID.randomUUID();
        List<Booking> series = new ArrayList<>();
        for (int week = 0; week < sessions; week++) {
            series.add(Booking.create(UUID.randomUUID(), weeks.get(week),
                    new BookingSeries(seriesId, week + 1, sessions), this.clock.instant()));
        }
        List<Booking> taken = series.stream()
            .filter((booking) -> this.bookings.overlapsAnother(booking.startsAt(), booking.endsAt(), booking.id()))
            .toList();
        if (!taken.isEmpty()) {
            throw new BookingConflictException("These weeks of the series are already booked: " + describe(taken)
                    + ". Please choose another day or time for the series.");
        }
        series.forEach(this::place);
        return series;
    }

    @Transactional(readOnly = true)
    public List<Booking> findSeries(UUID seriesId) {
        List<Booking> series = this.bookings.findBySeries(seriesId);
        if (series.isEmpty()) {
            throw new BookingNotFoundException("No booking series " + seriesId + ".");
        }
        return series;
    }

    private Booking place(Booking booking) {
        try {
            this.bookings.insert(booking);
        }
        catch (DataIntegrityViolationException ex) {
            throw slotTaken(ex);
        }
        this.outbox.append(this.events.created(booking));
        return booking;
    }

    private static String describe(List<Booking> bookings) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);
        return bookings.stream()
            .map((booking) -> format.format(booking.startsAt().atZone(booking.client().timeZone())))
            .collect(Collectors.joining(", ")) + " (" + bookings.get(0).client().timeZone().getId() + ")";
    }

    @Transactional(readOnly = true)
    public Booking find(UUID id) {
        return this.bookings.findById(id).orElseThrow(() -> new BookingNotFoundException(id));
    }

    @Transactional
    public Booking reschedule(UUID id, Instant newStart) {
        Booking booking = lockUpcoming(id, "rescheduled");
        if (booking.startsAt().equals(newStart)) {
            return booking;
        }
        this.rules.checkNotice(booking, "moved");
        this.rules.checkStart(newStart, booking.sessionType());
        Booking rescheduled = booking.rescheduledTo(newStart, this.clock.instant());
        ensureSlotFree(rescheduled);
        try {
            this.bookings.update(rescheduled);
        }
        catch (DataIntegrityViolationException ex) {
            throw slotTaken(ex);
        }
        this.outbox.append(this.events.rescheduled(rescheduled, booking.startsAt()));
        return rescheduled;
    }

    /** Cancels a booking; cancelling one that is already cancelled changes nothing. */
    @Transactional
    public Booking cancel(UUID id) {
        Booking booking = lock(id);
        if (booking.isCancelled()) {
            return booking;
        }
        this.rules.checkUpcoming(booking, "cancelled");
        this.rules.checkNotice(booking, "cancelled");
        Booking cancelled = booking.withStatus(BookingStatus.CANCELLED, this.clock.instant());
        this.bookings.update(cancelled);
        this.outbox.append(this.events.cancelled(cancelled));
        return cancelled;
    }

    /**
     * Cancels a session of a weekly series and every later session of it still booked: a client who stops partway.
     * Either all of them are cancelled or none. Returns those cancelled, in order.
     */
    @Transactional
    public List<Booking> cancelFrom(UUID id) {
        Booking from = find(id);
        List<Booking> cancelled = new ArrayList<>(List.of(cancel(id)));
        laterInSeries(from).forEach((session) -> cancelled.add(cancel(session.id())));
        return cancelled;
    }

    /** The sessions of the series {@code booking} belongs to that are still booked and come after it. */
    @Transactional(readOnly = true)
    public List<Booking> laterInSeries(Booking booking) {
        if (booking.series() == null) {
            return List.of();
        }
        return this.bookings.findBySeries(booking.series().id()).stream()
            .filter((session) -> session.isLive() && session.startsAt().isAfter(booking.startsAt()))
            .toList();
    }

    /** Whether the client may still cancel or move this booking online, outside the cancellation notice period. */
    public boolean changeableOnline(Booking booking) {
        return this.rules.changeableOnline(booking);
    }

    private Booking lock(UUID id) {
        return this.bookings.lockById(id).orElseThrow(() -> new BookingNotFoundException(id));
    }

    private Booking lockUpcoming(UUID id, String change) {
        Booking booking = lock(id);
        this.rules.checkUpcoming(booking, change);
        return booking;
    }

    private void ensureSlotFree(Booking booking) {
        if (this.bookings.overlapsAnother(booking.startsAt(), booking.endsAt(), booking.id())) {
            throw new BookingConflictException("That time is already booked. Please choose another time.");
        }
    }

    private static RuntimeException slotTaken(DataIntegrityViolationException ex) {
        String message = String.valueOf(ex.getMessage());
        return message.contains("booking_no_overlap")
                ? new BookingConflictException("That time was booked a moment ago. Please choose another time.") : ex;
    }

}
