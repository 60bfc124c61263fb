package dev.stillpoint.booking.staff;

import java.util.List;
import java.util.UUID;

import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.appointment.BookingResponse;
import dev.stillpoint.booking.appointment.BookingReview;
import dev.stillpoint.booking.appointment.ManageLinks;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What only the practitioner may do; {@code /api/staff/**} requires the STAFF role. */
@RestController
@RequestMapping("/api/staff")
class StaffBookingController {

    private final BookingReview review;

    private final ManageLinks manageLinks;

    StaffBookingController(BookingReview review, ManageLinks manageLinks) {
        this.review = review;
        this.manageLinks = manageLinks;
    }

    @PostMapping("/bookings/{id}/approve")
    BookingResponse approve(@PathVariable UUID id) {
        return response(this.review.approve(id));
    }

    @PostMapping("/bookings/{id}/decline")
    BookingResponse decline(@PathVariable UUID id) {
        return response(this.review.decline(id));
    }

    /** Approves every session of the series still held; answers with those it approved. */
    @PostMapping("/booking-series/{id}/approve")
    List<BookingResponse> approveSeries(@PathVariable UUID id) {
        return this.review.approveSeries(id).stream().map(this::response).toList();
    }

    /** Declines every session of the series still held; answers with those it declined. */
    @PostMapping("/booking-series/{id}/decline")
    List<BookingResponse> declineSeries(@PathVariable UUID id) {
        return this.review.declineSeries(id).stream().map(this::response).toList();
    }

    private BookingResponse response(Booking booking) {
        return BookingResponse.of(booking, this.manageLinks);
    }

}
