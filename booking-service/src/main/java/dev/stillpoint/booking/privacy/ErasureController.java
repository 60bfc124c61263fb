package dev.stillpoint.booking.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff erase a client across the services, and see which services have done so; the STAFF role only. */
@RestController
@RequestMapping("/api/staff/client-erasures")
class ErasureController {

    /** The services that keep data about clients, and so must each report. */
    static final List<String> SERVICES = List.of(ClientErasure.SERVICE, "notification-service", "newsletter-service");

    private final ClientErasure erasure;

    private final JdbcClient jdbc;

    ErasureController(ClientErasure erasure, JdbcClient jdbc) {
        this.erasure = erasure;
        this.jdbc = jdbc;
    }

    @PostMapping
    ResponseEntity<ErasureStatus> request(@Valid @RequestBody ErasureRequest request) {
        UUID id = this.erasure.request(request.email(), "STAFF");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(status(id));
    }

    @GetMapping("/{id}")
    ErasureStatus status(@PathVariable UUID id) {
        Instant requestedAt = this.jdbc.sql("select requested_at from client_erasure where id = ?").param(id)
            .query(Instant.class).optional().orElseThrow(() -> {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No erasure " + id + ".");
                problem.setTitle("Erasure not found");
                return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
            });
        List<Report> reports = this.jdbc.sql("select service, records, completed_at from client_erasure_report "
                + "where erasure_id = ? order by service").param(id)
            .query((rs, row) -> new Report(rs.getString("service"), rs.getInt("records"),
                    rs.getTimestamp("completed_at").toInstant()))
            .list();
        boolean complete = reports.stream().map(Report::service).toList().containsAll(SERVICES);
        return new ErasureStatus(id, requestedAt, complete, reports);
    }

    record ErasureRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record Report(String service, int records, Instant completedAt) {
    }

    /** @param complete whether every service that keeps client data has reported */
    record ErasureStatus(UUID id, Instant requestedAt, boolean complete, List<Report> reports) {
    }

}
