package dev.stillpoint.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where replies and bounces to every email go.
 *
 * @param bounceAddress the mailbox that receives bounces, such as {@code bounces@practice.example}: every email's
 * envelope sender (Return-Path) is this address with the email's token after a {@code +} (see {@link BounceAddress}).
 * Unset: {@code bounces@} the sender's domain
 * @param replyTo the {@code Reply-To} of every email; unset: the practice's address
 */
@ConfigurationProperties("stillpoint.mail")
public record EnvelopeProperties(String bounceAddress, String replyTo) {

    /** The bounce address as configured, or {@code bounces@} the domain of {@code from}. */
    public BounceAddress bounces(String from) {
        return BounceAddress.of(hasText(this.bounceAddress) ? this.bounceAddress
                : "bounces@" + from.substring(from.lastIndexOf('@') + 1));
    }

    /** The Reply-To as configured, or {@code practice}. */
    public String replyTo(String practice) {
        return hasText(this.replyTo) ? this.replyTo : practice;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

}
