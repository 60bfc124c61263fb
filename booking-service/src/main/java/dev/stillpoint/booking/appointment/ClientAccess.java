package dev.stillpoint.booking.appointment;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Who may read or change a booking (or a series) through the client API: whoever holds its manage token, the same
 * signed token as in the manage link of every email, sent as the {@code X-Manage-Token} header or a {@code token}
 * parameter; and staff, with their login. The id alone is no credential: it is checked before the booking is looked
 * up, so a stranger learns nothing, not even whether the booking exists.
 */
@Component
public class ClientAccess {

    private final ManageLinks links;

    ClientAccess(ManageLinks links) {
        this.links = links;
    }

    public void check(UUID id, HttpServletRequest request) {
        if (request.isUserInRole("STAFF")) {
            return;
        }
        String token = request.getHeader(ManageLinks.TOKEN_HEADER);
        if (token == null) {
            token = request.getParameter("token");
        }
        if (!this.links.isValid(id, token)) {
            String detail = (token == null) ? "This needs the manage token from the booking's confirmation (the "
                    + ManageLinks.TOKEN_HEADER + " header)." : "This manage token is not the one for this booking.";
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
            problem.setTitle("Manage token needed");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
    }

}
