package dev.stillpoint.booking.booking;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What only the practitioner may do; {@code /api/staff/**} requires the STAFF role. */
@RestController
@RequestMapping("/api/staff/bookings")
class StaffBookingController {

    private final BookingManagement bookings;

    private final ManageLinks manageLinks;

    StaffBookingController(BookingManagement bookings, ManageLinks manageLinks) {
        this.bookings = bookings;
        this.manageLinks = manageLinks;
    }

    @PostMapping("/{id}/approve")
    BookingResponse approve(@PathVariable UUID id) {
        return BookingResponse.of(this.bookings.approve(id), this.manageLinks.manageUrl(id));
    }

    @PostMapping("/{id}/decline")
    BookingResponse decline(@PathVariable UUID id) {
        return BookingResponse.of(this.bookings.decline(id), this.manageLinks.manageUrl(id));
    }

}
