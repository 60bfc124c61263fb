package dev.stillpoint.notification.waitlist;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.stillpoint.embedded.ConsumerGroups;
import dev.stillpoint.embedded.Waits;
import dev.stillpoint.events.booking.BookingDetails;
import dev.stillpoint.events.waitlist.WaitlistOffer;
import dev.stillpoint.events.waitlist.WaitlistOfferMade;
import dev.stillpoint.events.waitlist.WaitlistOfferWithdrawn;
import dev.stillpoint.events.waitlist.WaitlistTopics;
import dev.stillpoint.notification.EmailParts;
import dev.stillpoint.notification.IntegrationTestBase;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waitlist's events as emails, at the SMTP server: an offer with its one-click link and the link to leave, then
 * word that the time went; a redelivered event sends nothing twice.
 */
@SpringBootTest
class WaitlistEmailsIntegrationTests extends IntegrationTestBase {

    @Autowired
    JsonMapper json;

    @Test
    void anOfferAndWordThatItWentArriveOnceEach() throws Exception {
        String email = "waiting-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        UUID offerId = UUID.randomUUID();
        WaitlistOffer offer = new WaitlistOffer(offerId, new BookingDetails.Client("Grace Hopper", email,
                "America/New_York"), "CST_60", 60, 45, start, start.plus(60, ChronoUnit.MINUTES),
                URI.create("http://localhost:8081/waitlist/offers/" + offerId + "?token=offer-token"),
                URI.create("http://localhost:8081/waitlist/" + UUID.randomUUID() + "/leave?token=leave-token"));
        WaitlistOfferMade made = new WaitlistOfferMade(UUID.randomUUID(), Instant.now(), offer);
        send(offerId, WaitlistTopics.OFFER_MADE_TYPE, made);
        send(offerId, WaitlistTopics.OFFER_MADE_TYPE, made);

        MimeMessage offered = awaitEmails(email, 1).get(0);
        assertThat(offered.getSubject()).startsWith("A time came free: ");
        assertThat(EmailParts.text(offered)).contains("Dear Grace Hopper", "offer-token", "leave-token",
                "Eastern", "60 minutes, of which 45 hands-on", "whoever books");
        assertThat(EmailParts.html(offered)).contains("Book this time", "Leave the waitlist");

        send(offerId, WaitlistTopics.OFFER_WITHDRAWN_TYPE,
                new WaitlistOfferWithdrawn(UUID.randomUUID(), Instant.now(), offer));
        List<MimeMessage> emails = awaitEmails(email, 2);
        assertThat(emails.get(1).getSubject()).startsWith("Taken: the time on ");
        assertThat(EmailParts.text(emails.get(1))).contains("booked by someone else", "still on the waitlist",
                "leave-token").doesNotContain("offer-token");
        ConsumerGroups.awaitCaughtUp(brokers(), WaitlistNotices.GROUP_ID, WaitlistTopics.WAITLIST_EVENTS, Waits.STEP);
        assertThat(awaitEmails(email, 2)).hasSize(2);
    }

    private void send(UUID offerId, String type, Object event) {
        events.send(new ProducerRecord<>(WaitlistTopics.WAITLIST_EVENTS, offerId.toString(),
                this.json.writeValueAsString(event)), type);
    }

}
