package dev.stillpoint.booking.waitlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.stillpoint.booking.appointment.Client;
import dev.stillpoint.booking.appointment.Screening;
import dev.stillpoint.booking.session.SessionType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The waitlist's entries and offers, in PostgreSQL. */
@Repository
class WaitlistRepository {

    private static final String ENTRY_COLUMNS = "id, client_name, client_email, time_zone, session_type, first_day, "
            + "last_day, days, earliest, latest, screen_aneurysm, screen_cerebral_hemorrhage, screen_bleeding_disorder, "
            + "screen_intracranial_pressure, status";

    private static final String OFFER_COLUMNS = "id, entry_id, starts_at, ends_at, status, booking_id";

    private final JdbcClient jdbc;

    WaitlistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WaitlistEntry entry, Instant now) {
        Wish wish = entry.wish();
        Screening screening = entry.screening();
        this.jdbc.sql("insert into waitlist_entry (" + ENTRY_COLUMNS + ", created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(entry.id(), entry.client().name(), entry.client().email(), entry.client().timeZone().getId(),
                    entry.sessionType().name(), wish.firstDay(), wish.lastDay(),
                    wish.days().stream().map(Enum::name).collect(Collectors.joining(",")), wish.earliest(),
                    wish.latest(), screening.aneurysm(), screening.cerebralHemorrhage(), screening.bleedingDisorder(),
                    screening.intracranialPressure(), entry.status(), Timestamp.from(now), Timestamp.from(now))
            .update();
    }

    Optional<WaitlistEntry> find(UUID id) {
        return this.jdbc.sql("select " + ENTRY_COLUMNS + " from waitlist_entry where id = ?").param(id)
            .query(WaitlistRepository::entry).optional();
    }

    /** Entries still waiting whose days include {@code day} (UTC ± a day covers every zone). */
    List<WaitlistEntry> waitingAround(Instant start) {
        Timestamp at = Timestamp.from(start);
        return this.jdbc.sql("select " + ENTRY_COLUMNS + " from waitlist_entry where status = 'WAITING' "
                + "and first_day <= (?::timestamptz at time zone 'UTC')::date + 1 "
                + "and last_day >= (?::timestamptz at time zone 'UTC')::date - 1 order by created_at")
            .params(at, at).query(WaitlistRepository::entry).list();
    }

    /** Ends an entry (BOOKED or LEFT) and erases what it kept about the client; answers whether it was waiting. */
    boolean close(UUID entryId, String status, Instant now) {
        return this.jdbc.sql("""
                update waitlist_entry set status = ?, updated_at = ?, client_name = 'Former waitlist client',
                    client_email = 'closed-' || id || '@waitlist.invalid', screen_aneurysm = false,
                    screen_cerebral_hemorrhage = false, screen_bleeding_disorder = false,
                    screen_intracranial_pressure = false
                where id = ? and status = 'WAITING'""").params(status, Timestamp.from(now), entryId).update() == 1;
    }

    /** Adds an offer; answers false if this entry was offered this time already. */
    boolean offer(UUID offerId, UUID entryId, Instant start, Instant end, Instant now) {
        return this.jdbc.sql("insert into waitlist_offer (id, entry_id, starts_at, ends_at, status, offered_at) "
                + "values (?, ?, ?, ?, 'OPEN', ?) on conflict (entry_id, starts_at) do nothing")
            .params(offerId, entryId, Timestamp.from(start), Timestamp.from(end), Timestamp.from(now)).update() == 1;
    }

    /** The offer, locked until the transaction ends: two clicks on it, or on two offers of one time, take turns. */
    Optional<Offer> lockOffer(UUID id) {
        return this.jdbc.sql("select " + OFFER_COLUMNS + " from waitlist_offer where id = ? for update").param(id)
            .query(WaitlistRepository::offer).optional();
    }

    Optional<Offer> findOffer(UUID id) {
        return this.jdbc.sql("select " + OFFER_COLUMNS + " from waitlist_offer where id = ?").param(id)
            .query(WaitlistRepository::offer).optional();
    }

    void booked(UUID offerId, UUID bookingId, Instant now) {
        this.jdbc.sql("update waitlist_offer set status = 'BOOKED', booking_id = ?, closed_at = ? where id = ?")
            .params(bookingId, Timestamp.from(now), offerId).update();
    }

    /** Closes the open offers whose time overlaps {@code [start, end)}; answers them, as they were. */
    List<Offer> closeOverlapping(Instant start, Instant end, Instant now) {
        return this.jdbc.sql("update waitlist_offer set status = 'GONE', closed_at = ? where status = 'OPEN' "
                + "and starts_at < ? and ends_at > ? returning " + OFFER_COLUMNS)
            .params(Timestamp.from(now), Timestamp.from(end), Timestamp.from(start))
            .query(WaitlistRepository::offer).list();
    }

    /** Closes an entry's open offers, without a word: the client booked, or left. */
    void closeOffersOf(UUID entryId, Instant now) {
        this.jdbc.sql("update waitlist_offer set status = 'GONE', closed_at = ? where entry_id = ? and status = 'OPEN'")
            .params(Timestamp.from(now), entryId).update();
    }

    private static WaitlistEntry entry(ResultSet rs, int row) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(rs.getString("days").split(",")).map(DayOfWeek::valueOf).forEach(days::add);
        Wish wish = new Wish(zone, rs.getObject("first_day", java.time.LocalDate.class),
                rs.getObject("last_day", java.time.LocalDate.class), days,
                rs.getObject("earliest", java.time.LocalTime.class), rs.getObject("latest", java.time.LocalTime.class));
        return new WaitlistEntry(rs.getObject("id", UUID.class),
                new Client(rs.getString("client_name"), rs.getString("client_email"), zone),
                SessionType.valueOf(rs.getString("session_type")), wish,
                new Screening(rs.getBoolean("screen_aneurysm"), rs.getBoolean("screen_cerebral_hemorrhage"),
                        rs.getBoolean("screen_bleeding_disorder"), rs.getBoolean("screen_intracranial_pressure")),
                rs.getString("status"));
    }

    private static Offer offer(ResultSet rs, int row) throws SQLException {
        return new Offer(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getString("status"), rs.getObject("booking_id", UUID.class));
    }

}
