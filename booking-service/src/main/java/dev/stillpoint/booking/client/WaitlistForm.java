package dev.stillpoint.booking.client;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.booking.appointment.Client;
import dev.stillpoint.booking.waitlist.WaitlistEntry;
import dev.stillpoint.booking.waitlist.Wish;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** What the waitlist page's form sends: the session, the days and times that would suit, who, and their answers. */
public class WaitlistForm extends ClientRequestForm {

    @NotNull(message = "Please give the first day that would suit")
    private LocalDate firstDay;

    @NotNull(message = "Please give the last day that would suit")
    private LocalDate lastDay;

    @NotEmpty(message = "Please choose at least one day of the week")
    private List<DayOfWeek> days = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    @NotNull(message = "Please give the earliest start that would suit")
    private LocalTime earliest = LocalTime.of(9, 0);

    @NotNull(message = "Please give the latest start that would suit")
    private LocalTime latest = LocalTime.of(17, 0);

    WaitlistEntry toEntry() {
        Client client = client();
        return new WaitlistEntry(UUID.randomUUID(), client, getSessionType(), new Wish(client.timeZone(),
                this.firstDay, this.lastDay, EnumSet.copyOf(this.days), this.earliest, this.latest), screening(),
                WaitlistEntry.WAITING);
    }

    public LocalDate getFirstDay() {
        return this.firstDay;
    }

    public void setFirstDay(LocalDate firstDay) {
        this.firstDay = firstDay;
    }

    public LocalDate getLastDay() {
        return this.lastDay;
    }

    public void setLastDay(LocalDate lastDay) {
        this.lastDay = lastDay;
    }

    public List<DayOfWeek> getDays() {
        return this.days;
    }

    public void setDays(List<DayOfWeek> days) {
        this.days = days;
    }

    public LocalTime getEarliest() {
        return this.earliest;
    }

    public void setEarliest(LocalTime earliest) {
        this.earliest = earliest;
    }

    public LocalTime getLatest() {
        return this.latest;
    }

    public void setLatest(LocalTime latest) {
        this.latest = latest;
    }

}
