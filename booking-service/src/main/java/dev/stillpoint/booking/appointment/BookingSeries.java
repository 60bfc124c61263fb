package dev.stillpoint.booking.appointment;

import java.util.UUID;

/**
 * A booking's place in a weekly series booked in one request.
 *
 * @param id shared by every session of the series
 * @param occurrence this session's place, from 1
 * @param occurrences how many sessions the series has
 */
public record BookingSeries(UUID id, int occurrence, int occurrences) {
}
