package dev.stillpoint.booking.booking;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/bookings")
class BookingController {

    private final BookingManagement bookings;

    private final ManageLinks manageLinks;

    BookingController(BookingManagement bookings, ManageLinks manageLinks) {
        this.bookings = bookings;
        this.manageLinks = manageLinks;
    }

    @PostMapping
    ResponseEntity<BookingResponse> book(@Valid @RequestBody BookingRequest request) {
        Booking booking = this.bookings.book(request.toNewBooking());
        return ResponseEntity
            .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(booking.id()))
            .body(response(booking));
    }

    @GetMapping("/{id}")
    BookingResponse booking(@PathVariable UUID id) {
        return response(this.bookings.find(id));
    }

    @PostMapping("/{id}/reschedule")
    BookingResponse reschedule(@PathVariable UUID id, @Valid @RequestBody RescheduleRequest request) {
        return response(this.bookings.reschedule(id, request.startsAt().toInstant()));
    }

    @PostMapping("/{id}/cancel")
    BookingResponse cancel(@PathVariable UUID id) {
        return response(this.bookings.cancel(id));
    }

    private BookingResponse response(Booking booking) {
        return BookingResponse.of(booking, this.manageLinks.manageUrl(booking.id()));
    }

}
