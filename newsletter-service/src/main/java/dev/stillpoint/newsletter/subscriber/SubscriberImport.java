package dev.stillpoint.newsletter.subscriber;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.stillpoint.events.privacy.PrivacyTopics;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff bring a list from elsewhere: a CSV file with an email column and, optionally, a name column (a header row
 * names them; without one, email comes first). Each row is added, or reported with the reason it was not. Nobody who
 * unsubscribed is put back on the list by an import.
 */
@Service
public class SubscriberImport {

    private static final Logger logger = LoggerFactory.getLogger(SubscriberImport.class);

    static final int MAX_ROWS = 50_000;

    private final SubscriberRepository subscribers;

    private final SubscriberManagement management;

    private final Suppression suppression;

    private final Clock clock;

    SubscriberImport(SubscriberRepository subscribers, SubscriberManagement management, Suppression suppression,
            Clock clock) {
        this.suppression = suppression;
        this.subscribers = subscribers;
        this.management = management;
        this.clock = clock;
    }

    /**
     * Imports the file in one transaction. With {@code consented}, the people have already agreed to the newsletter
     * elsewhere and are added as confirmed; otherwise each is sent the double opt-in email and stays pending until
     * they click.
     */
    @Transactional
    public Report importCsv(Reader csv, boolean consented) throws IOException {
        List<CsvFormat.Row> rows = CsvFormat.parse(csv);
        List<Outcome> notAdded = new ArrayList<>();
        if (rows.size() > MAX_ROWS + 1) {
            return new Report(0, List.of(new Outcome(0, "", "The file has " + rows.size() + " rows; import at most "
                    + MAX_ROWS + " at a time.")));
        }
        int emailColumn = 0;
        int nameColumn = 1;
        if (!rows.isEmpty() && rows.get(0).cells().stream().anyMatch((cell) -> cell.strip().equalsIgnoreCase("email"))) {
            List<String> header = rows.remove(0).cells().stream().map((cell) -> cell.strip().toLowerCase(Locale.ROOT))
                .toList();
            emailColumn = header.indexOf("email");
            nameColumn = header.indexOf("name");
        }
        Map<String, Subscriber.Status> listed = this.subscribers.statusesByEmail();
        Map<String, String> suppressed = this.suppression.reasons();
        Map<String, Integer> seen = new HashMap<>();
        int added = 0;
        for (CsvFormat.Row row : rows) {
            if (row.isBlank()) {
                continue;
            }
            String email = row.cell(emailColumn);
            String name = row.cell(nameColumn);
            String problem = problem(email, name, listed, seen);
            String suppressedFor = (problem == null) ? suppressed.get(PrivacyTopics.emailHash(email)) : null;
            if (suppressedFor != null) {
                problem = Suppression.explain(suppressedFor);
            }
            if (problem != null) {
                notAdded.add(new Outcome(row.line(), email, problem));
                continue;
            }
            seen.put(email.toLowerCase(Locale.ROOT), row.line());
            add(email, name.isEmpty() ? null : name, consented);
            added++;
        }
        logger.info("Imported {} subscribers ({}); {} rows not added", added, consented ? "confirmed" : "pending",
                notAdded.size());
        return new Report(added, notAdded);
    }

    private static String problem(String email, String name, Map<String, Subscriber.Status> listed,
            Map<String, Integer> seen) {
        if (email.isEmpty()) {
            return "No email address.";
        }
        if (!isAddress(email)) {
            return "Not an email address.";
        }
        if (name.length() > 200) {
            return "The name is longer than 200 characters.";
        }
        String key = email.toLowerCase(Locale.ROOT);
        if (seen.containsKey(key)) {
            return "The same address as line " + seen.get(key) + ".";
        }
        Subscriber.Status status = listed.get(key);
        if (status == Subscriber.Status.UNSUBSCRIBED) {
            return "Unsubscribed: only they can subscribe again.";
        }
        if (status == Subscriber.Status.BOUNCED) {
            return Suppression.explain("BOUNCED");
        }
        if (status != null) {
            return "Already on the list (" + status.name().toLowerCase(Locale.ROOT) + ").";
        }
        return null;
    }

    private void add(String email, String name, boolean consented) {
        if (consented) {
            this.subscribers.insert(new Subscriber(UUID.randomUUID(), email, name, Subscriber.Status.CONFIRMED),
                    Subscriber.Source.IMPORT, this.clock.instant());
        }
        else {
            this.management.subscribe(email, name, Subscriber.Source.IMPORT);
        }
    }

    static boolean isAddress(String email) {
        if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return false;
        }
        try {
            new InternetAddress(email, true).validate();
            return true;
        }
        catch (AddressException ex) {
            return false;
        }
    }

    /**
     * What an import did.
     *
     * @param added how many addresses were added to the list
     * @param notAdded each row that was not, with why
     */
    public record Report(int added, List<Outcome> notAdded) {
    }

    /** A row not added: its line in the file, its address as written, and why. */
    public record Outcome(int line, String email, String reason) {
    }

}
