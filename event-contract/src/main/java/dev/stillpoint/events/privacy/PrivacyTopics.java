package dev.stillpoint.events.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import dev.stillpoint.events.DeadLetterTopics;

/**
 * Erasure across the services. booking-service publishes each request, keyed by the erasure id; every service that
 * keeps data about clients erases what it holds for the address and reports back. Neither carries the address: only
 * its {@link #emailHash(String) hash}, which each service compares with the hashes of the addresses it keeps.
 */
public final class PrivacyTopics {

    /** {@link ClientErasureRequested}, from booking-service. */
    public static final String ERASURE_REQUESTS = "client.erasure-requests";

    /** {@link ClientErasureCompleted}, from each service that honoured a request, read by booking-service. */
    public static final String ERASURE_REPORTS = "client.erasure-reports";

    /** Where a service parks an erasure request it cannot read, with the reason in the record's headers. */
    public static final String ERASURE_REQUESTS_DEAD_LETTER = DeadLetterTopics.of(ERASURE_REQUESTS);

    public static final int PARTITIONS = 3;

    public static final String REQUESTED_TYPE = "dev.stillpoint.privacy.client-erasure-requested.v1";

    public static final String COMPLETED_TYPE = "dev.stillpoint.privacy.client-erasure-completed.v1";

    private PrivacyTopics() {
    }

    /**
     * The SHA-256, in hex, of the address as written (trimmed, lower case): what the services compare, and what the
     * suppression list keeps. In SQL: {@code encode(sha256(convert_to(lower(btrim(email)), 'UTF8')), 'hex')}.
     */
    public static String emailHash(String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

}
