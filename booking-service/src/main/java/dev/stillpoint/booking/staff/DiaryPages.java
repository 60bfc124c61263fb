package dev.stillpoint.booking.staff;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.appointment.BookingConflictException;
import dev.stillpoint.booking.appointment.BookingReview;
import dev.stillpoint.booking.appointment.Diary;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The practitioner's pages ({@code /staff/**}, STAFF role): a home page linking every staff page of every service,
 * today's and the week's schedule, and the bookings held
 * for review of their screening answers, to approve or decline. Either way the client gets an email that repeats no
 * health details.
 */
@Controller
class DiaryPages {

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Diary diary;

    private final BookingReview review;

    private final StaffHomeProperties home;

    DiaryPages(Diary diary, BookingReview review, StaffHomeProperties home) {
        this.diary = diary;
        this.review = review;
        this.home = home;
    }

    @GetMapping("/staff/login")
    String login() {
        return "staff/login";
    }

    /** Where a sign-in leads: every staff page of every service, and what waits today. */
    @GetMapping({ "/staff", "/staff/" })
    String home(Model model) {
        LocalDate today = this.diary.today();
        model.addAttribute("today", entries(today, today.plusDays(1)));
        model.addAttribute("newsletterPages", this.home.newsletter());
        model.addAttribute("subscriberPages", this.home.newsletter().resolve("/staff/subscribers"));
        model.addAttribute("opsConsole", this.home.ops());
        return describe(model, "staff/home");
    }

    @GetMapping("/staff/schedule")
    String schedule(@RequestParam(required = false) LocalDate week, Model model) {
        LocalDate today = this.diary.today();
        LocalDate monday = ((week != null) ? week : today).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, List<DiaryEntry>> days = new LinkedHashMap<>();
        for (int day = 0; day < 7; day++) {
            days.put(DiaryEntry.DAY_FORMAT.format(monday.plusDays(day)), new ArrayList<>());
        }
        entries(monday, monday.plusDays(7)).forEach((entry) -> days.get(entry.day()).add(entry));
        model.addAttribute("today", entries(today, today.plusDays(1)));
        model.addAttribute("todayLabel", DiaryEntry.DAY_FORMAT.format(today));
        model.addAttribute("days", days);
        model.addAttribute("weekLabel", WEEK.format(monday) + " to " + WEEK.format(monday.plusDays(6)));
        model.addAttribute("previousWeek", monday.minusWeeks(1));
        model.addAttribute("nextWeek", monday.plusWeeks(1));
        return describe(model, "staff/schedule");
    }

    @GetMapping("/staff/review")
    String review(Model model) {
        return describe(model, "staff/review");
    }

    @PostMapping("/staff/review/{id}/approve")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        return decide(id, true, redirect);
    }

    @PostMapping("/staff/review/{id}/decline")
    String decline(@PathVariable UUID id, RedirectAttributes redirect) {
        return decide(id, false, redirect);
    }

    @PostMapping("/staff/review/series/{id}/approve")
    String approveSeries(@PathVariable UUID id, RedirectAttributes redirect) {
        return decideSeries(id, true, redirect);
    }

    @PostMapping("/staff/review/series/{id}/decline")
    String declineSeries(@PathVariable UUID id, RedirectAttributes redirect) {
        return decideSeries(id, false, redirect);
    }

    private String decideSeries(UUID seriesId, boolean approve, RedirectAttributes redirect) {
        try {
            List<Booking> decided = approve ? this.review.approveSeries(seriesId) : this.review.declineSeries(seriesId);
            Booking first = decided.get(0);
            redirect.addFlashAttribute("notice", (approve ? "Approved " : "Declined ") + decided.size()
                    + " sessions of " + first.client().name() + "'s weekly series, from "
                    + DiaryEntry.of(first, this.diary.practiceTimeZone()).day() + ". An email goes to "
                    + first.client().name().split(" ")[0] + " for each.");
        }
        catch (BookingConflictException ex) {
            redirect.addFlashAttribute("problem", ex.getMessage());
        }
        return "redirect:/staff/review";
    }

    private String decide(UUID id, boolean approve, RedirectAttributes redirect) {
        try {
            Booking booking = approve ? this.review.approve(id) : this.review.decline(id);
            redirect.addFlashAttribute("notice", (approve ? "Approved" : "Declined") + ": "
                    + booking.client().name() + ", " + DiaryEntry.of(booking, this.diary.practiceTimeZone()).day()
                    + ". " + booking.client().name().split(" ")[0] + " will get an email"
                    + (approve ? " confirming the session." : " saying it cannot go ahead, with no reason given."));
        }
        catch (BookingConflictException ex) {
            redirect.addFlashAttribute("problem", ex.getMessage());
        }
        return "redirect:/staff/review";
    }

    private List<DiaryEntry> entries(LocalDate from, LocalDate until) {
        return this.diary.between(from, until).stream()
            .map((booking) -> DiaryEntry.of(booking, this.diary.practiceTimeZone()))
            .toList();
    }

    /** The held bookings; the first listed of each series says how many of its sessions are held. */
    private List<DiaryEntry> held() {
        List<DiaryEntry> held = this.diary.awaitingReview().stream()
            .map((booking) -> DiaryEntry.of(booking, this.diary.practiceTimeZone()))
            .toList();
        Map<UUID, Long> perSeries = held.stream()
            .filter((entry) -> entry.seriesId() != null)
            .collect(Collectors.groupingBy(DiaryEntry::seriesId, Collectors.counting()));
        Set<UUID> headed = new HashSet<>();
        return held.stream()
            .map((entry) -> (entry.seriesId() != null && headed.add(entry.seriesId()))
                    ? entry.heading(perSeries.get(entry.seriesId()).intValue()) : entry)
            .toList();
    }

    private String describe(Model model, String view) {
        model.addAttribute("held", held());
        model.addAttribute("zone", this.diary.practiceTimeZone().getId());
        return view;
    }

}
