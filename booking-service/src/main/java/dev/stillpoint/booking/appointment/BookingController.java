package dev.stillpoint.booking.appointment;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
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

    private final ClientAccess access;

    BookingController(BookingManagement bookings, ManageLinks manageLinks, ClientAccess access) {
        this.bookings = bookings;
        this.manageLinks = manageLinks;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<BookingResponse> book(@Valid @RequestBody BookingRequest request) {
        Booking booking = this.bookings.book(request.toNewBooking());
        return ResponseEntity
            .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(booking.id()))
            .body(response(booking));
    }

    @GetMapping("/{id}")
    BookingResponse booking(@PathVariable UUID id, HttpServletRequest http) {
        this.access.check(id, http);
        return response(this.bookings.find(id));
    }

    @PostMapping("/{id}/reschedule")
    BookingResponse reschedule(@PathVariable UUID id, @Valid @RequestBody RescheduleRequest request,
            HttpServletRequest http) {
        this.access.check(id, http);
        return response(this.bookings.reschedule(id, request.startsAt().toInstant()));
    }

    @PostMapping("/{id}/cancel")
    BookingResponse cancel(@PathVariable UUID id, HttpServletRequest http) {
        this.access.check(id, http);
        return response(this.bookings.cancel(id));
    }

    private BookingResponse response(Booking booking) {
        return BookingResponse.of(booking, this.manageLinks);
    }

}
