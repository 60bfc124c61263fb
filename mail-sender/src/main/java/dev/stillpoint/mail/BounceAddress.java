package dev.stillpoint.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our bounce address, written per email with the email named in it (VERP): {@code bounces+<token>@domain}, where the
 * token is the first 24 hex digits (96 bits) of the SHA-256 of the email's Message-ID. A bounce comes back to that
 * address, so it names its email whatever the reporting server puts in its body, and the token gives away nothing
 * of the recipient. Most mail servers deliver {@code bounces+anything@domain} into the {@code bounces@domain} mailbox
 * (plus-addressing); PostgreSQL computes the same token with
 * {@code substr(encode(sha256(convert_to(message_id, 'UTF8')), 'hex'), 1, 24)}.
 */
public final class BounceAddress {

    /** How long a token is: SMTP's 64-character limit on a local part leaves room for a local part of up to 39. */
    static final int TOKEN_LENGTH = 24;

    private static final Pattern TOKEN = Pattern.compile("\\+([0-9a-f]{" + TOKEN_LENGTH + "})@", Pattern.CASE_INSENSITIVE);

    private final String localPart;

    private final String domain;

    private BounceAddress(String localPart, String domain) {
        this.localPart = localPart;
        this.domain = domain;
    }

    /** @param address the mailbox bounces go to, such as {@code bounces@practice.example} */
    public static BounceAddress of(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1 || address.indexOf('+') >= 0 || at + 1 + TOKEN_LENGTH > 64) {
            throw new IllegalArgumentException("A bounce address is a plain mailbox with a local part of at most "
                    + (63 - TOKEN_LENGTH) + " characters and no '+', such as bounces@practice.example: " + address);
        }
        return new BounceAddress(address.substring(0, at), address.substring(at + 1));
    }

    /** The envelope sender of the email with this Message-ID. */
    public String forMessage(String messageId) {
        return this.localPart + "+" + token(messageId) + "@" + this.domain;
    }

    /** The mailbox itself, without a token. */
    public String mailbox() {
        return this.localPart + "@" + this.domain;
    }

    /** The token that names the email with this Message-ID (angle brackets included, as in the header). */
    public static String token(String messageId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, TOKEN_LENGTH);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java has SHA-256", ex);
        }
    }

    /** The token in an address a bounce was sent to, if it is one of ours. */
    public static Optional<String> tokenIn(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher matcher = TOKEN.matcher(address);
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    @Override
    public String toString() {
        return mailbox();
    }

}
