package dev.stillpoint.mail;

import java.util.Date;

import jakarta.mail.internet.MailDateFormat;

/**
 * The Date header of emails sent now, formatted once a second: {@code MailDateFormat} is a {@code SimpleDateFormat},
 * and formatting the date for every email was a twentieth of the newsletter's CPU while it sent. Safe for any number
 * of threads.
 */
final class DateHeader {

    private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    String now() {
        long second = System.currentTimeMillis() / 1000;
        Formatted known = this.last;
        if (known.second() == second) {
            return known.header();
        }
        Formatted fresh = new Formatted(second, new MailDateFormat().format(new Date(second * 1000)));
        this.last = fresh;
        return fresh.header();
    }

    private record Formatted(long second, String header) {
    }

}
