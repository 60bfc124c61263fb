package dev.stillpoint.booking.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Joining and leaving the waitlist. Who is offered a freed time, and how it is booked, is {@link WaitlistOffers}. */
@Service
public class Waitlist {

    private static final Logger logger = LoggerFactory.getLogger(Waitlist.class);

    private final WaitlistRepository entries;

    private final Clock clock;

    Waitlist(WaitlistRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional
    public UUID join(WaitlistEntry entry) {
        this.entries.insert(entry, this.clock.instant());
        logger.info("Waitlist entry {} joined, for {} to {}", entry.id(), entry.wish().firstDay(),
                entry.wish().lastDay());
        return entry.id();
    }

    public Optional<WaitlistEntry> find(UUID id) {
        return this.entries.find(id);
    }

    /** Takes the entry off the waitlist, with its open offers; answers false if it was not waiting any more. */
    @Transactional
    public boolean leave(UUID entryId) {
        Instant now = this.clock.instant();
        if (!this.entries.close(entryId, "LEFT", now)) {
            return false;
        }
        this.entries.closeOffersOf(entryId, now);
        logger.info("Waitlist entry {} left", entryId);
        return true;
    }

}
