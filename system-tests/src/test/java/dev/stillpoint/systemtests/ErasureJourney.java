package dev.stillpoint.systemtests;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.stillpoint.embedded.Waits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client's erasure across the services: staff ask booking-service to forget a client who booked and subscribed;
 * every service erases what it holds and reports back, and the request is complete once all three have.
 */
final class ErasureJourney {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final ServiceProcess booking;

    private final ServiceProcess newsletter;

    private final NotificationLedger ledger;

    private final String staff;

    ErasureJourney(ServiceProcess booking, ServiceProcess newsletter, NotificationLedger ledger, String staffPassword) {
        this.booking = booking;
        this.newsletter = newsletter;
        this.ledger = ledger;
        this.staff = "Basic " + Base64.getEncoder().encodeToString(("staff:" + staffPassword).getBytes(StandardCharsets.UTF_8));
    }

    /** Books with {@code bookingRequest}, subscribes its client, cancels, and erases them. */
    void run(String bookingRequest) throws Exception {
        HttpResponse<String> created = this.booking.post("/api/bookings", bookingRequest);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode booked = json.readTree(created.body());
        String email = booked.at("/client/email").asString();
        assertThat(email).as("the booking answers with its client's address").isNotBlank();
        assertThat(this.newsletter.post("/api/subscribers", "{\"email\": \"" + email + "\"}").statusCode()).isEqualTo(202);
        await("the services hold the client").atMost(Waits.STEP).until(() -> held(email, "notification.notification",
                "recipient") > 0 && held(email, "newsletter.subscriber", "email") == 1);
        assertThat(this.booking.post("/api/bookings/" + booked.get("id").asString() + "/cancel", null, "X-Manage-Token",
                booked.get("manageToken").asString()).statusCode()).isEqualTo(200);

        HttpResponse<String> requested = this.booking.post("/api/staff/client-erasures",
                "{\"email\": \"" + email + "\"}", "Authorization", this.staff);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        String erasure = json.readTree(requested.body()).get("id").asString();
        JsonNode status = await("every service reports").atMost(Waits.STEP)
            .until(() -> json.readTree(this.booking.get("/api/staff/client-erasures/" + erasure, "Authorization",
                    this.staff).body()), (node) -> node.get("complete").asBoolean());
        assertThat(status.get("reports")).hasSize(3);
        assertThat(held(email, "notification.notification", "recipient")).isZero();
        assertThat(held(email, "newsletter.subscriber", "email")).isZero();
        assertThat(held(email, "booking.booking", "client_email")).isZero();
    }

    private int held(String email, String table, String column) {
        return this.ledger.count("select count(*) from " + table + " where " + column + " = ?", email);
    }

}
