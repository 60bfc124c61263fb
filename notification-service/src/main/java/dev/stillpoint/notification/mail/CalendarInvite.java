package dev.stillpoint.notification.mail;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.mail.OutgoingEmail;

/**
 * An iCalendar (RFC 5545) invitation for one session. The UID is stable per booking, so calendars update the entry
 * they already have; SEQUENCE rises with each change; a cancellation is METHOD:CANCEL. An invitation travels further
 * than its email (forwarded, or in a shared calendar): it carries no booking id and no manage link.
 *
 * @param uid stable per booking and opaque: see {@link #uid(UUID, String)}
 * @param sequence raised with every change of the booking
 * @param cancelled whether this cancels the event
 */
public record CalendarInvite(String uid, long sequence, boolean cancelled, Instant stamp, Instant start, Instant end,
        String summary, String description, String location, String organizerName, String organizerEmail,
        String attendeeName, String attendeeEmail) {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
        .withZone(ZoneOffset.UTC);

    /**
     * The UID of a booking's event: stable, so that every change updates the same entry, but not the booking id, which
     * must not leave the system (a name-based UUID of it, from which it cannot be recovered).
     */
    public static String uid(UUID bookingId, String domain) {
        return UUID.nameUUIDFromBytes(("stillpoint-calendar-event:" + bookingId).getBytes(StandardCharsets.UTF_8)) + "@"
                + domain;
    }

    public String method() {
        return this.cancelled ? "CANCEL" : "REQUEST";
    }

    /** Opens the event, filled in, in Google Calendar for the client to save. */
    public URI googleCalendarUrl() {
        return URI.create("https://calendar.google.com/calendar/render?action=TEMPLATE&text=" + query(this.summary)
                + "&dates=" + UTC.format(this.start) + "/" + UTC.format(this.end) + "&details=" + query(this.description)
                + "&location=" + query(this.location));
    }

    /** Opens the event, filled in, in Outlook.com's calendar for the client to save. */
    public URI outlookCalendarUrl() {
        return URI.create("https://outlook.live.com/calendar/0/action/compose?rru=addevent&subject=" + query(this.summary)
                + "&startdt=" + ISO.format(this.start) + "&enddt=" + ISO.format(this.end) + "&body="
                + query(this.description) + "&location=" + query(this.location));
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public OutgoingEmail.Attachment toAttachment() {
        return attachment(List.of(this));
    }

    /** One file with every event, each with its own UID and SEQUENCE: a later change of one updates just that one. */
    public static OutgoingEmail.Attachment attachment(List<CalendarInvite> invites) {
        return new OutgoingEmail.Attachment("invite.ics", "text/calendar; charset=UTF-8; method="
                + invites.get(0).method(), render(invites).getBytes(StandardCharsets.UTF_8));
    }

    public String render() {
        return render(List.of(this));
    }

    /** A calendar of the invitations given, all of one method. */
    public static String render(List<CalendarInvite> invites) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Stillpoint//Notification Service//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + invites.get(0).method());
        invites.forEach((invite) -> invite.event(ics));
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private void event(StringBuilder ics) {
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + this.uid);
        line(ics, "SEQUENCE:" + this.sequence);
        line(ics, "DTSTAMP:" + UTC.format(this.stamp.truncatedTo(ChronoUnit.SECONDS)));
        line(ics, "DTSTART:" + UTC.format(this.start));
        line(ics, "DTEND:" + UTC.format(this.end));
        line(ics, "SUMMARY:" + escape(this.summary));
        line(ics, "DESCRIPTION:" + escape(this.description));
        line(ics, "LOCATION:" + escape(this.location));
        line(ics, "ORGANIZER;CN=" + parameter(this.organizerName) + ":mailto:" + address(this.organizerEmail));
        line(ics, "ATTENDEE;CN=" + parameter(this.attendeeName) + ";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:"
                + address(this.attendeeEmail));
        line(ics, "STATUS:" + (this.cancelled ? "CANCELLED" : "CONFIRMED"));
        line(ics, "TRANSP:OPAQUE");
        line(ics, "END:VEVENT");
    }

    /** Lines end in CRLF and are folded at 75 octets, continuing with a space. */
    private static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) {
                end--; // never split a UTF-8 sequence
            }
            ics.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74;
        }
        ics.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }

    /** A TEXT value (RFC 5545 3.3.11): line breaks as \\n, and no other control character at all. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
            .replace("\n", "\\n").replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", "");
    }

    private static String address(String email) {
        return email.replaceAll("[\\p{Cntrl}\\s]", "");
    }

    /** A quoted parameter value (RFC 5545 3.2): no double quote and no control character can be in one. */
    private static String parameter(String value) {
        return "\"" + value.replace("\"", "'").replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", " ") + "\"";
    }

}
