package dev.stillpoint.booking.appointment;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Whether the request being served comes from the practice's staff (signed in) rather than a client. */
final class Staff {

    private Staff() {
    }

    static boolean isActing() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && user.getAuthorities().stream()
            .anyMatch((authority) -> "ROLE_STAFF".equals(authority.getAuthority()));
    }

}
