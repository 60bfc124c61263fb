package dev.stillpoint.newsletter.subscriber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** The whole list as CSV, a row at a time: what staff download, and what an import reads back. */
@Component
class SubscriberExport {

    static final String FILENAME = "newsletter-subscribers.csv";

    private final SubscriberRepository subscribers;

    SubscriberExport(SubscriberRepository subscribers) {
        this.subscribers = subscribers;
    }

    void download(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(FILENAME).build().toString());
        write(response.getWriter());
    }

    void write(Writer out) throws IOException {
        out.write(CsvFormat.line("email", "name", "status", "source", "subscribed_at", "confirmed_at", "unsubscribed_at"));
        try {
            this.subscribers.forEach((rs) -> {
                try {
                    out.write(CsvFormat.line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))));
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
        catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        out.flush();
    }

    private static Object instant(Timestamp timestamp) {
        return (timestamp != null) ? timestamp.toInstant() : null;
    }

}
