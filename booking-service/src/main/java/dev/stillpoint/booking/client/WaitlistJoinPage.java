package dev.stillpoint.booking.client;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import dev.stillpoint.booking.session.SessionType;
import dev.stillpoint.booking.waitlist.Waitlist;
import dev.stillpoint.support.limits.ClientRateLimits;
import dev.stillpoint.support.limits.RateLimitedPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
 * Joining the waitlist, from the booking page when no time suits: the session, the days and times that would, who,
 * and the answers to the health questions, so that an offered time can be booked in one click.
 */
@Controller
class WaitlistJoinPage {

    /** The furthest ahead a wish may reach, from its first day. */
    static final Period LONGEST_WISH = Period.ofDays(92);

    private final Waitlist waitlist;

    private final ClientRateLimits limits;

    private final SpringValidatorAdapter validator;

    private final PageModel pages;

    private final Clock clock;

    WaitlistJoinPage(Waitlist waitlist, ClientRateLimits limits, jakarta.validation.Validator validator, PageModel pages,
            Clock clock) {
        this.waitlist = waitlist;
        this.limits = limits;
        this.validator = new SpringValidatorAdapter(validator);
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/waitlist")
    String join(@RequestParam(name = "type", defaultValue = "CST_60") SessionType type,
            @RequestParam(name = "tz", required = false) String zone, Model model) {
        WaitlistForm form = new WaitlistForm();
        form.setSessionType(type);
        ZoneId shown = TimeZones.orElse(zone, this.pages.practiceTimeZone());
        form.setTimeZone(shown.getId());
        LocalDate tomorrow = LocalDate.now(this.clock.withZone(shown)).plusDays(1);
        form.setFirstDay(tomorrow);
        form.setLastDay(tomorrow.plusWeeks(4));
        model.addAttribute("form", form);
        return render(model, shown);
    }

    @PostMapping("/waitlist")
    String join(@ModelAttribute("form") WaitlistForm form, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            ValidationUtils.invokeValidator(this.validator, form, result);
        }
        ZoneId zone = TimeZones.orElse(form.getTimeZone(), this.pages.practiceTimeZone());
        checkWish(form, result, LocalDate.now(this.clock.withZone(zone)));
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, zone);
        }
        this.limits.tryWrite(PageModel.BOOKING_LIMIT, request).ifPresent((wait) -> {
            throw new RateLimitedPage(wait);
        });
        this.waitlist.join(form.toEntry());
        redirect.addFlashAttribute("notice", "joined");
        return "redirect:/waitlist/joined";
    }

    @GetMapping("/waitlist/joined")
    String joined(Model model) {
        this.pages.describe(model, this.pages.practiceTimeZone());
        return "waitlist-joined";
    }

    private String render(Model model, ZoneId zone) {
        model.addAttribute("sessionTypes", SessionType.values());
        model.addAttribute("zones", TimeZones.CHOICES);
        model.addAttribute("weekdays", java.time.DayOfWeek.values());
        this.pages.describe(model, zone);
        return "waitlist";
    }

    private static void checkWish(WaitlistForm form, BindingResult result, LocalDate today) {
        if (form.getFirstDay() != null && form.getFirstDay().isBefore(today)) {
            result.rejectValue("firstDay", "past", "Please choose a first day from today on");
        }
        if (form.getFirstDay() != null && form.getLastDay() != null) {
            if (form.getLastDay().isBefore(form.getFirstDay())) {
                result.rejectValue("lastDay", "order", "Please choose a last day on or after the first");
            }
            else if (form.getLastDay().isAfter(form.getFirstDay().plus(LONGEST_WISH))) {
                result.rejectValue("lastDay", "long", "Please keep to about three months: we keep your place only so long");
            }
        }
        if (form.getEarliest() != null && form.getLatest() != null && form.getLatest().isBefore(form.getEarliest())) {
            result.rejectValue("latest", "order", "Please choose a latest start at or after the earliest");
        }
    }

}
