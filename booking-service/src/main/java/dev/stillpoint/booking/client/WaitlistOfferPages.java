package dev.stillpoint.booking.client;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.appointment.BookingRuleViolation;
import dev.stillpoint.booking.appointment.BookingStatus;
import dev.stillpoint.booking.appointment.ManageLinks;
import dev.stillpoint.booking.waitlist.Offer;
import dev.stillpoint.booking.waitlist.Waitlist;
import dev.stillpoint.booking.waitlist.WaitlistEntry;
import dev.stillpoint.booking.waitlist.WaitlistLinks;
import dev.stillpoint.booking.waitlist.WaitlistOffers.OfferClosedException;
import dev.stillpoint.booking.waitlist.WaitlistOffers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages behind a waitlist email's signed links: an offer of a freed time (one click books it, if it is still
 * free), and leaving the waitlist.
 */
@Controller
class WaitlistOfferPages {

    private final Waitlist waitlist;

    private final WaitlistOffers offers;

    private final WaitlistLinks links;

    private final ManageLinks manageLinks;

    private final ManageAccess access;

    private final PageModel pages;

    private final Clock clock;

    WaitlistOfferPages(Waitlist waitlist, WaitlistOffers offers, WaitlistLinks links, ManageLinks manageLinks,
            ManageAccess access, PageModel pages, Clock clock) {
        this.waitlist = waitlist;
        this.offers = offers;
        this.links = links;
        this.manageLinks = manageLinks;
        this.access = access;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/waitlist/offers/{id}")
    String offer(@PathVariable UUID id, @RequestParam(required = false) String token, Model model) {
        return renderOffer(openOffer(id, token), token, model);
    }

    @PostMapping("/waitlist/offers/{id}")
    String take(@PathVariable UUID id, @RequestParam(required = false) String token, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Offer offer = openOffer(id, token);
        this.access.countChange(request);
        try {
            Booking booking = this.offers.take(id);
            redirect.addFlashAttribute("notice", (booking.status() == BookingStatus.PENDING_REVIEW) ? "held" : "booked");
            return "redirect:" + this.manageLinks.managePath(booking.id());
        }
        catch (OfferClosedException ex) {
            model.addAttribute("closed", ex.reason());
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        catch (BookingRuleViolation ex) {
            model.addAttribute("problem", ex.getMessage());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return renderOffer(this.offers.find(offer.id()), token, model);
    }

    @GetMapping("/waitlist/{id}/leave")
    String confirmLeave(@PathVariable UUID id, @RequestParam(required = false) String token, Model model) {
        WaitlistEntry entry = openEntry(id, token);
        model.addAttribute("token", token);
        model.addAttribute("entryId", id);
        model.addAttribute("waiting", entry.waiting());
        this.pages.describe(model, entry.client().timeZone());
        return "waitlist-leave";
    }

    @PostMapping("/waitlist/{id}/leave")
    String leave(@PathVariable UUID id, @RequestParam(required = false) String token, Model model,
            HttpServletRequest request) {
        WaitlistEntry entry = openEntry(id, token);
        this.access.countChange(request);
        this.waitlist.leave(id);
        model.addAttribute("left", true);
        this.pages.describe(model, entry.client().timeZone());
        return "waitlist-leave";
    }

    private Offer openOffer(UUID id, String token) {
        if (!this.links.isValidOffer(id, token)) {
            throw new ManageAccess.LinkRefusedException(false);
        }
        try {
            return this.offers.find(id);
        }
        catch (OfferClosedException ex) {
            throw new ManageAccess.LinkRefusedException(false);
        }
    }

    private WaitlistEntry openEntry(UUID id, String token) {
        if (!this.links.isValidLeave(id, token)) {
            throw new ManageAccess.LinkRefusedException(false);
        }
        return this.waitlist.find(id).orElseThrow(() -> new ManageAccess.LinkRefusedException(false));
    }

    private String renderOffer(Offer offer, String token, Model model) {
        WaitlistEntry entry = this.waitlist.find(offer.entryId())
            .orElseThrow(() -> new ManageAccess.LinkRefusedException(false));
        ZoneId zone = entry.client().timeZone();
        model.addAttribute("offer", offer);
        model.addAttribute("when", WaitlistView.of(offer, entry.sessionType(), zone));
        model.addAttribute("token", token);
        model.addAttribute("open", offer.open() && entry.waiting()
                && offer.startsAt().isAfter(this.clock.instant().plus(this.offers.notice())));
        model.addAttribute("leaveUrl", this.links.leaveUrl(entry.id()));
        model.addAttribute("waiting", entry.waiting());
        this.pages.describe(model, zone);
        return "waitlist-offer";
    }

}
