package dev.stillpoint.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes one issue to every confirmed subscriber with the throttle lifted, and checks at the SMTP sink that each
 * got it exactly once (by recipient and Message-ID) and that the ledger says SENT for each.
 */
final class NewsletterLoad {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final String DOMAIN = "@news.bench.test";

    private final Services services;

    private final Infrastructure infrastructure;

    NewsletterLoad(Services services, Infrastructure infrastructure) {
        this.services = services;
        this.infrastructure = infrastructure;
    }

    List<Figure> run(int subscribers, double smtpLimit) throws SQLException {
        seed(subscribers);
        Mailbox mailbox = this.infrastructure.sink().mailbox();
        String issue = json.readTree(Http.postAsStaff(this.services.url("newsletter-service", "/api/newsletter/issues"),
                json.writeValueAsString(java.util.Map.of("title", "Winter, quietly",
                        "markdown", Newsletter.MARKDOWN)))
            .body()).get("id").asString();
        Instant published = Instant.now();
        Http.postAsStaff(this.services.url("newsletter-service", "/api/newsletter/issues/" + issue + "/publish"), null);
        List<Mailbox.Received> received = mailbox.awaitCount((message) -> message.to().endsWith(DOMAIN), subscribers,
                Duration.ofSeconds(60));
        Instant last = received.stream().map(Mailbox.Received::arrivedAt).max(Instant::compareTo).orElse(published);
        Set<String> recipients = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        received.forEach((message) -> {
            recipients.add(message.to());
            messageIds.add(message.messageId());
        });
        double seconds = Duration.between(published, last).toNanos() / 1e9;
        JavaProcess newsletter = this.services.process("newsletter-service");
        String scenario = "newsletter to " + String.format(java.util.Locale.ROOT, "%,d", subscribers) + " subscribers";
        return List.of(
                Figure.of(scenario, "emails per second (publish → last email)", recipients.size() / seconds, "/s")
                    .against("smtp-source → sink", smtpLimit).target(2000, true),
                Figure.of(scenario, "publish → last email", seconds, "s"),
                Figure.of(scenario, "subscribers without the issue", subscribers - recipients.size(), "subscribers")
                    .exactly(0),
                Figure.of(scenario, "extra copies", received.size() - recipients.size(), "emails").exactly(0),
                Figure.of(scenario, "distinct Message-IDs", messageIds.size(), "ids").exactly(subscribers),
                Figure.of(scenario, "ledger rows SENT", sent(UUID.fromString(issue)), "rows").exactly(subscribers),
                Figure.of(scenario, "newsletter-service live heap after GC", newsletter.liveHeapMegabytes(), "MB")
                    .target(128, false),
                Figure.of(scenario, "newsletter-service RSS at the end", newsletter.rssMegabytes(), "MB")
                    .target(400, false));
    }

    /** Confirmed subscribers written straight into the table, as an import would leave them. */
    private void seed(int subscribers) throws SQLException {
        try (Connection connection = this.infrastructure.database();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into newsletter.subscriber (id, email, name, status, source, created_at, confirmed_at,
                            updated_at)
                        select gen_random_uuid(), 'reader-' || n || ?, 'Reader ' || n, 'CONFIRMED', 'IMPORT', now(),
                            now(), now()
                        from generate_series(1, ?) n""")) {
            insert.setString(1, DOMAIN);
            insert.setInt(2, subscribers);
            insert.executeUpdate();
        }
    }

    private long sent(UUID issue) throws SQLException {
        try (Connection connection = this.infrastructure.database();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from newsletter.delivery where issue_id = ? and status = 'SENT'")) {
            count.setObject(1, issue);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

}
