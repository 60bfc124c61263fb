package dev.stillpoint.notification.ops;

/** Kafka did not answer the ops console in time; the page says so instead of failing. */
class KafkaUnavailableException extends RuntimeException {

    KafkaUnavailableException(Throwable cause) {
        super("Kafka did not answer: " + cause.getMessage(), cause);
    }

}
