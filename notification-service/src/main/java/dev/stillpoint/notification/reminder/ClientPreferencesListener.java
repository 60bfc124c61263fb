package dev.stillpoint.notification.reminder;

import dev.stillpoint.events.client.ClientPreferencesChanged;
import dev.stillpoint.events.client.ClientTopics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Clients' choices of optional emails, from booking-service; a record that cannot be read is dead-lettered with the
 * reason, and one already applied (or overtaken by a newer choice) changes nothing.
 */
@Component
class ClientPreferencesListener {

    static final String GROUP_ID = "notification-service-preferences";

    private final ClientPreferences preferences;

    ClientPreferencesListener(ClientPreferences preferences) {
        this.preferences = preferences;
    }

    @KafkaListener(id = GROUP_ID, topics = ClientTopics.PREFERENCES)
    void on(ClientPreferencesChanged changed) {
        this.preferences.apply(changed);
    }

}
