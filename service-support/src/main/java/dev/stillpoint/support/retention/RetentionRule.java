package dev.stillpoint.support.retention;

import java.time.Duration;

/**
 * Something a service keeps only so long: a statement that deletes (or reduces) what is older than a cutoff, and how
 * long to keep it unless {@code stillpoint.retention.keep.<name>} says otherwise.
 *
 * @param name the rule's name, as in the property
 * @param keep how long to keep by default
 * @param sql a delete or update with one parameter, the cutoff ({@code now - keep})
 * @param what what is deleted or reduced, for the log and the docs
 */
public record RetentionRule(String name, Duration keep, String sql, String what) {
}
