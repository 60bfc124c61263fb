package dev.stillpoint.booking.series;

import java.util.List;
import java.util.UUID;

import dev.stillpoint.booking.appointment.Booking;
import dev.stillpoint.booking.appointment.BookingManagement;
import dev.stillpoint.booking.appointment.BookingResponse;
import dev.stillpoint.booking.appointment.ClientAccess;
import dev.stillpoint.booking.appointment.ManageLinks;
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

/** Weekly series of 5 or 10 sessions, booked in one request; each session is then a booking of its own. */
@RestController
@RequestMapping("/api/booking-series")
class BookingSeriesController {

    private final BookingManagement bookings;

    private final ManageLinks manageLinks;

    private final ClientAccess access;

    BookingSeriesController(BookingManagement bookings, ManageLinks manageLinks, ClientAccess access) {
        this.bookings = bookings;
        this.manageLinks = manageLinks;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<SeriesResponse> book(@Valid @RequestBody BookingSeriesRequest request) {
        List<Booking> series = this.bookings.bookSeries(request.firstSession(), request.sessions());
        UUID seriesId = series.get(0).series().id();
        return ResponseEntity
            .created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(seriesId))
            .body(response(seriesId, series));
    }

    /** The series as it stands, for the holder of the series' manage token (in the answer to its booking) or staff. */
    @GetMapping("/{id}")
    SeriesResponse series(@PathVariable UUID id, HttpServletRequest http) {
        this.access.check(id, http);
        return response(id, this.bookings.findSeries(id));
    }

    private SeriesResponse response(UUID seriesId, List<Booking> series) {
        return new SeriesResponse(seriesId, series.size(), this.manageLinks.token(seriesId), series.stream()
            .map((booking) -> BookingResponse.of(booking, this.manageLinks))
            .toList());
    }

    /**
     * @param id the series
     * @param sessions how many sessions it has
     * @param manageToken what reads the series again ({@code X-Manage-Token}); each booking has its own
     * @param bookings each session as it stands now, in order
     */
    record SeriesResponse(UUID id, int sessions, String manageToken, List<BookingResponse> bookings) {
    }

}
