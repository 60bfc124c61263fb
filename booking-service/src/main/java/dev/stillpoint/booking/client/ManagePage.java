package dev.stillpoint.booking.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.appointment.BookingConflictException;
import dev.stillpoint.booking.appointment.BookingManagement;
import dev.stillpoint.booking.appointment.BookingRuleViolation;
import dev.stillpoint.booking.privacy.ClientErasure;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page behind the manage link in every email: the booking, and (outside the cancellation notice period) moving it
 * to another free time or cancelling it. The token travels with every form, as it came in the link.
 */
@Controller
@RequestMapping("/bookings/{id}/manage")
class ManagePage {

    private final ManageAccess access;

    private final BookingManagement bookings;

    private final SlotPicker slots;

    private final PageModel pages;

    private final ClientErasure erasure;

    ManagePage(ManageAccess access, BookingManagement bookings, SlotPicker slots, PageModel pages,
            ClientErasure erasure) {
        this.access = access;
        this.bookings = bookings;
        this.slots = slots;
        this.pages = pages;
        this.erasure = erasure;
    }

    @GetMapping
    String manage(@PathVariable UUID id, @RequestParam(required = false) String token,
            @RequestParam(name = "tz", required = false) String zone, @RequestParam(required = false) LocalDate from,
            Model model) {
        Booking booking = this.access.open(id, token);
        return render(booking, token, zone(zone, booking), from, model);
    }

    @PostMapping("/reschedule")
    String reschedule(@PathVariable UUID id, @RequestParam(required = false) String token,
            @RequestParam(name = "tz", required = false) String zone, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate week, @RequestParam(required = false) String show,
            @RequestParam(required = false) Instant startsAt, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        Booking booking = this.access.open(id, token);
        ZoneId shown = zone(zone, booking);
        if (week != null || show != null) {
            return render(booking, token, shown, (week != null) ? week : from, model);
        }
        if (startsAt == null) {
            model.addAttribute("slotError", "Please choose the new time");
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(booking, token, shown, from, model);
        }
        this.access.countChange(request);
        try {
            this.bookings.reschedule(id, startsAt);
            redirect.addFlashAttribute("notice", "moved");
            return "redirect:" + this.access.path(id) + "&tz=" + shown.getId();
        }
        catch (BookingRuleViolation ex) {
            model.addAttribute("slotError", ex.getMessage());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        catch (BookingConflictException ex) {
            // the failed move was rolled back: the booking is as opened
            boolean taken = this.bookings.changeableOnline(booking);
            model.addAttribute("slotError", taken ? PageModel.TAKEN_MEANWHILE : ex.getMessage());
            if (taken) {
                model.addAttribute("nearest", this.slots.nearest(booking.sessionType(), 1, startsAt, shown, booking));
            }
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        return render(booking, token, shown, from, model);
    }

    @GetMapping("/cancel")
    String confirmCancel(@PathVariable UUID id, @RequestParam(required = false) String token, Model model) {
        Booking booking = this.access.open(id, token);
        model.addAttribute("booking", BookingView.of(booking, booking.client().timeZone()));
        model.addAttribute("changeable", this.bookings.changeableOnline(booking));
        model.addAttribute("later", this.bookings.laterInSeries(booking).size());
        model.addAttribute("token", token);
        this.pages.describe(model, booking.client().timeZone());
        return "cancel";
    }

    @PostMapping("/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "false") boolean rest, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        Booking booking = this.access.open(id, token);
        this.access.countChange(request);
        try {
            if (rest) {
                this.bookings.cancelFrom(id);
            }
            else {
                this.bookings.cancel(id);
            }
            redirect.addFlashAttribute("notice", rest ? "cancelled-rest" : "cancelled");
            return "redirect:" + this.access.path(id);
        }
        catch (BookingConflictException ex) {
            model.addAttribute("problem", ex.getMessage());
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(booking, token, booking.client().timeZone(), null, model);
        }
    }

    /** The client asks that everything kept about them be erased, in every service. */
    @PostMapping("/erase")
    String erase(@PathVariable UUID id, @RequestParam(required = false) String token, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Booking booking = this.access.open(id, token);
        this.access.countChange(request);
        try {
            this.erasure.request(booking.client().email(), "CLIENT");
            this.pages.describe(model, booking.client().timeZone());
            return "erased";
        }
        catch (BookingConflictException ex) {
            model.addAttribute("eraseError", ex.getMessage());
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(booking, token, booking.client().timeZone(), null, model);
        }
    }

    private String render(Booking booking, String token, ZoneId zone, LocalDate from, Model model) {
        boolean changeable = this.bookings.changeableOnline(booking);
        model.addAttribute("booking", BookingView.of(booking, zone));
        model.addAttribute("changeable", changeable);
        model.addAttribute("token", token);
        model.addAttribute("tz", zone.getId());
        model.addAttribute("zones", TimeZones.CHOICES);
        model.addAttribute("series", series(booking, zone));
        model.addAttribute("preferencesLink", this.access.preferencesPath(booking));
        if (changeable) {
            model.addAttribute("week", this.slots.week(booking.sessionType(), 1, zone, from, booking));
        }
        this.pages.describe(model, zone);
        return "manage";
    }

    private List<SeriesSession> series(Booking booking, ZoneId zone) {
        if (booking.series() == null) {
            return List.of();
        }
        return this.bookings.findSeries(booking.series().id()).stream()
            .map((session) -> new SeriesSession(BookingView.of(session, zone), this.access.path(session.id()),
                    session.id().equals(booking.id())))
            .toList();
    }

    private ZoneId zone(String zone, Booking booking) {
        return TimeZones.orElse(zone, booking.client().timeZone());
    }

    /**
     * @param booking one session of the series
     * @param link its own manage link
     * @param current whether it is the session this page shows
     */
    public record SeriesSession(BookingView booking, String link, boolean current) {
    }

}
