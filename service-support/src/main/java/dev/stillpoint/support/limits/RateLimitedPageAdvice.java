package dev.stillpoint.support.limits;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Answers a page form that went over its limit with a page that says when to try again (status 429). */
@ControllerAdvice
class RateLimitedPageAdvice {

    static final String VIEW = "rate-limited";

    @ExceptionHandler
    ModelAndView rateLimited(RateLimitedPage ex, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.limit().retryAfter().toSeconds()));
        return new ModelAndView(VIEW, Map.of("retryAfter", ex.limit().retryAfterInWords()),
                HttpStatus.TOO_MANY_REQUESTS);
    }

}
