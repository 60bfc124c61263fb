package dev.stillpoint.booking.client;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.appointment.BookingConflictException;
import dev.stillpoint.booking.appointment.BookingManagement;
import dev.stillpoint.booking.appointment.BookingRuleViolation;
import dev.stillpoint.booking.appointment.BookingStatus;
import dev.stillpoint.booking.appointment.ManageLinks;
import dev.stillpoint.booking.session.SessionType;
import dev.stillpoint.support.limits.ClientRateLimits;
import dev.stillpoint.support.limits.RateLimitedPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ValidationUtils;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public booking page. One form holds everything, so that it works without JavaScript: its "show free times" and
 * week buttons post it back to redraw the times and keep what was typed; only the book button checks and books.
 */
@Controller
class BookPage {

    private static final Set<Integer> SESSIONS = Set.of(1, 5, 10);

    private final BookingManagement bookings;

    private final SlotPicker slots;

    private final ManageLinks manageLinks;

    private final SpringValidatorAdapter validator;

    private final PageModel pages;

    private final ClientRateLimits limits;

    BookPage(BookingManagement bookings, SlotPicker slots, ManageLinks manageLinks, Validator validator, PageModel pages,
            ClientRateLimits limits) {
        this.bookings = bookings;
        this.slots = slots;
        this.manageLinks = manageLinks;
        this.validator = new SpringValidatorAdapter(validator);
        this.pages = pages;
        this.limits = limits;
    }

    @GetMapping("/book")
    String book(@RequestParam(name = "type", defaultValue = "CST_60") SessionType type,
            @RequestParam(defaultValue = "1") int sessions, @RequestParam(name = "tz", required = false) String zone,
            @RequestParam(required = false) LocalDate from, Model model) {
        BookingForm form = new BookingForm();
        form.setSessionType(type);
        form.setSessions(SESSIONS.contains(sessions) ? sessions : 1);
        form.setTimeZone(TimeZones.orElse(zone, this.pages.practiceTimeZone()).getId());
        form.setFrom(from);
        model.addAttribute("zoneChosen", zone != null);
        model.addAttribute("form", form);
        return render(form, model);
    }

    @PostMapping("/book")
    String book(@ModelAttribute("form") BookingForm form, BindingResult result,
            @RequestParam(name = "week", required = false) LocalDate week, @RequestParam(required = false) String show,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("zoneChosen", true);
        if (week != null || show != null || result.hasErrors()) {
            form.setFrom((week != null) ? week : form.getFrom());
            return render(form, model);
        }
        ValidationUtils.invokeValidator(this.validator, form, result);
        if (!SESSIONS.contains(form.getSessions())) {
            result.rejectValue("sessions", "sessions", "Please choose one session or a weekly series of 5 or 10");
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(form, model);
        }
        // only the "Book" button counts against the address's limit, not redrawing the form for another week
        this.limits.tryWrite(PageModel.BOOKING_LIMIT, request).ifPresent((wait) -> {
            throw new RateLimitedPage(wait);
        });
        try {
            List<Booking> booked = (form.getSessions() == 1) ? List.of(this.bookings.book(form.toNewBooking()))
                    : this.bookings.bookSeries(form.toNewBooking(), form.getSessions());
            redirect.addFlashAttribute("notice", (booked.get(0).status() == BookingStatus.PENDING_REVIEW) ? "held" : "booked");
            return "redirect:" + this.manageLinks.managePath(booked.get(0).id());
        }
        catch (BookingRuleViolation ex) {
            // the API's field names: the form's are the same without "client."
            result.rejectValue(ex.field().replaceFirst("^client\\.", ""), "rule", ex.getMessage());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        catch (BookingConflictException ex) {
            result.rejectValue("startsAt", "taken",
                    (form.getSessions() == 1) ? PageModel.TAKEN_MEANWHILE : ex.getMessage());
            model.addAttribute("nearest", this.slots.nearest(form.getSessionType(), form.getSessions(),
                    form.getStartsAt(), zone(form), null));
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        return render(form, model);
    }

    /** Seconds either side of 1970 within which a submitted time may choose the week shown (about 300 years). */
    private static final long PLAUSIBLE = 10_000_000_000L;

    private String render(BookingForm form, Model model) {
        ZoneId zone = zone(form);
        form.setTimeZone(zone.getId());
        LocalDate from = form.getFrom();
        if (from == null && form.getStartsAt() != null && Math.abs(form.getStartsAt().getEpochSecond()) < PLAUSIBLE) {
            from = form.getStartsAt().atZone(zone).toLocalDate();
        }
        int sessions = SESSIONS.contains(form.getSessions()) ? form.getSessions() : 1;
        SessionType type = (form.getSessionType() != null) ? form.getSessionType() : SessionType.CST_60;
        SlotPicker.Week week = this.slots.week(type, sessions, zone, from, null);
        form.setFrom(week.from());
        model.addAttribute("week", week);
        model.addAttribute("sessionTypes", SessionType.values());
        model.addAttribute("zones", TimeZones.CHOICES);
        this.pages.describe(model, zone);
        return "book";
    }

    private ZoneId zone(BookingForm form) {
        return TimeZones.orElse(form.getTimeZone(), this.pages.practiceTimeZone());
    }

}
