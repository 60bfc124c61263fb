package dev.stillpoint.support;

import java.util.regex.Pattern;

/**
 * Logs carry ids, not addresses: an SMTP server's answer often names the recipient ({@code 550 5.1.1 <ada@example.com>
 * unknown}), so whatever is logged from one passes through here first.
 */
public final class Redaction {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:@]+@[^\\s<>\"'(),;:@]+");

    private Redaction() {
    }

    /** The text with every email address replaced by {@code [address]}. */
    public static String addresses(String text) {
        return (text != null) ? ADDRESS.matcher(text).replaceAll("[address]") : null;
    }

}
