package dev.stillpoint.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.stillpoint.embedded.RefusingSmtpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newsletter under faults: newsletter-service SIGKILLed while it sends an issue, and one mailbox answering
 * {@code 452} for ever. Every subscriber must get the issue (an extra copy only with its Message-ID, and only for the
 * email a kill caught in doubt, accepted by the server but not yet recorded: at most one a kill), and the issue must
 * end, the full mailbox recorded FAILED with the server's answer.
 */
final class NewsletterFaults {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final String SERVICE = "newsletter-service";

    private final Services services;

    private final Infrastructure infrastructure;

    NewsletterFaults(Services services, Infrastructure infrastructure) {
        this.services = services;
        this.infrastructure = infrastructure;
    }

    List<Figure> killedWhileSending(int subscribers, int kills, int rate) throws Exception {
        String domain = "@killed.faults.test";
        String scenario = "newsletter-service SIGKILLed " + kills + " times during a " + subscribers
                + "-subscriber issue";
        this.services.configure(SERVICE, "STILLPOINT_NEWSLETTER_RATE_PER_SECOND", String.valueOf(rate));
        this.services.configure(SERVICE, "STILLPOINT_NEWSLETTER_MAX_IN_DOUBT", "1"); // the default
        restart();
        seed(subscribers, domain);
        Mailbox mailbox = this.infrastructure.sink().mailbox();
        String issue = publish("Spring, gently");
        Instant published = Instant.now();
        for (int kill = 1; kill <= kills; kill++) {
            int reached = subscribers * kill / (kills + 1);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (sent(issue) < reached && System.nanoTime() < deadline) {
                Pause.briefly(Duration.ofMillis(100));
            }
            System.out.println("  " + scenario + ": SIGKILL at " + sent(issue) + " sent, start it again");
            this.services.kill(SERVICE);
            this.services.start(List.of(SERVICE));
        }
        List<Mailbox.Received> received = mailbox.awaitCount((message) -> message.to().endsWith(domain), subscribers,
                Duration.ofSeconds(90));
        Map<String, List<Mailbox.Received>> byRecipient = received.stream()
            .collect(Collectors.groupingBy(Mailbox.Received::to));
        long otherMessageIds = byRecipient.values().stream()
            .mapToLong((copies) -> copies.stream().map(Mailbox.Received::messageId).distinct().count() - 1).sum();
        Instant last = received.stream().map(Mailbox.Received::arrivedAt).max(Instant::compareTo).orElse(published);
        this.services.configure(SERVICE, "STILLPOINT_NEWSLETTER_RATE_PER_SECOND", "1000000");
        unsubscribe(domain);
        return List.of(
                Figure.of(scenario, "subscribers without the issue", subscribers - byRecipient.size(), "subscribers")
                    .exactly(0),
                // a kill can only catch the one email in doubt: accepted by the server, not yet recorded
                Figure.of(scenario, "extra copies", received.size() - byRecipient.size(), "emails")
                    .target(kills, false),
                Figure.of(scenario, "extra copies with another Message-ID", otherMessageIds, "emails").exactly(0),
                Figure.of(scenario, "ledger rows SENT", sent(issue), "rows").exactly(subscribers),
                Figure.of(scenario, "publish → last email", Duration.between(published, last).toNanos() / 1e9, "s"));
    }

    List<Figure> oneMailboxFullForEver(int subscribers) throws Exception {
        String domain = "@mailbox.faults.test";
        String scenario = "one mailbox answering 452 for ever, among " + subscribers + " subscribers";
        try (RefusingSmtpServer relay = new RefusingSmtpServer(Infrastructure.freePort())) {
            int maxAttempts = 3;
            this.services.configure(SERVICE, "SPRING_MAIL_PORT", String.valueOf(relay.port()));
            this.services.configure(SERVICE, "STILLPOINT_NEWSLETTER_MAX_ATTEMPTS", String.valueOf(maxAttempts));
            this.services.configure(SERVICE, "STILLPOINT_NEWSLETTER_RETRY_DELAY", "1s");
            restart();
            seed(subscribers, domain);
            seed(1, "-full" + domain);
            String issue = publish("Summer, slowly");
            Instant published = Instant.now();
            String status = "SENDING";
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while ("SENDING".equals(status) && System.nanoTime() < deadline) {
                Pause.briefly(Duration.ofMillis(200));
                status = json.readTree(Http.getAsStaff(this.services.url(SERVICE, "/api/newsletter/issues/" + issue))
                    .body()).get("status").asString();
            }
            double ended = Duration.between(published, Instant.now()).toNanos() / 1e9;
            Set<String> reached = relay.accepted().stream().filter((address) -> address.endsWith(domain))
                .collect(Collectors.toSet());
            String full = ledger("select d.status || ' ' || d.attempts || ' ' || coalesce(d.last_error, '') from "
                    + "newsletter.delivery d join newsletter.subscriber s on s.id = d.subscriber_id "
                    + "where d.issue_id = ?::uuid and s.email like '%-full%'", issue);
            this.services.configure(SERVICE, "SPRING_MAIL_PORT", String.valueOf(this.infrastructure.sink().port()));
            restart();
            unsubscribe(domain);
            return List.of(
                    Figure.of(scenario, "issue ended SENT_WITH_FAILURES", "SENT_WITH_FAILURES".equals(status) ? 1 : 0,
                            "yes").exactly(1),
                    Figure.of(scenario, "publish → issue ended", ended, "s"),
                    Figure.of(scenario, "other subscribers sent", reached.size(), "subscribers").exactly(subscribers),
                    Figure.of(scenario, "extra copies", relay.accepted().size() - reached.size(), "emails").exactly(0),
                    Figure.of(scenario, "the full mailbox FAILED after its attempts, with the 452",
                            full.startsWith("FAILED " + maxAttempts + " ") && full.contains("452") ? 1 : 0, "yes")
                        .exactly(1));
        }
    }

    private void restart() {
        if (this.services.process(SERVICE) != null) {
            this.services.stop(SERVICE);
        }
        this.services.start(List.of(SERVICE));
    }

    private String publish(String title) {
        String issue = json.readTree(Http.postAsStaff(this.services.url(SERVICE, "/api/newsletter/issues"),
                json.writeValueAsString(Map.of("title", title, "markdown", Newsletter.MARKDOWN))).body())
            .get("id").asString();
        Http.postAsStaff(this.services.url(SERVICE, "/api/newsletter/issues/" + issue + "/publish"), null);
        return issue;
    }

    private void seed(int subscribers, String domain) throws SQLException {
        try (Connection connection = this.infrastructure.database(); PreparedStatement insert = connection.prepareStatement("""
                insert into newsletter.subscriber (id, email, name, status, source, created_at, confirmed_at, updated_at)
                select gen_random_uuid(), 'reader-' || n || ?, 'Reader ' || n, 'CONFIRMED', 'IMPORT', now(), now(), now()
                from generate_series(1, ?) n""")) {
            insert.setString(1, domain);
            insert.setInt(2, subscribers);
            insert.executeUpdate();
        }
    }

    /** Takes a scenario's subscribers off the list, so that the next issue is not sent to them. */
    private void unsubscribe(String domain) throws SQLException {
        try (Connection connection = this.infrastructure.database(); PreparedStatement update = connection.prepareStatement(
                "update newsletter.subscriber set status = 'UNSUBSCRIBED' where email like ?")) {
            update.setString(1, "%" + domain);
            update.executeUpdate();
        }
    }

    private long sent(String issue) throws SQLException {
        return Long.parseLong(ledger("select count(*)::text from newsletter.delivery where issue_id = ?::uuid "
                + "and status = 'SENT'", issue));
    }

    private String ledger(String sql, String issue) throws SQLException {
        try (Connection connection = this.infrastructure.database(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, issue);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : "";
            }
        }
    }

}
