package dev.stillpoint.booking.client;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * One answer for every signed link the pages refuse (manage, preferences, waitlist): a page that says so, with
 * {@code 403}, or {@code 410} once the session of a manage link is over. It names nothing of the booking or client.
 */
@ControllerAdvice(basePackageClasses = LinkRefusedAdvice.class)
class LinkRefusedAdvice {

    private final PageModel pages;

    LinkRefusedAdvice(PageModel pages) {
        this.pages = pages;
    }

    @ExceptionHandler
    String refused(ManageAccess.LinkRefusedException ex, Model model, HttpServletResponse response) {
        response.setStatus(ex.expired() ? HttpStatus.GONE.value() : HttpStatus.FORBIDDEN.value());
        model.addAttribute("expired", ex.expired());
        this.pages.describe(model, this.pages.practiceTimeZone());
        return "link-refused";
    }

}
