package dev.stillpoint.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import dev.stillpoint.embedded.ReceivedEmails;
import dev.stillpoint.embedded.TestPostgres;
import jakarta.mail.internet.MimeMessage;

/**
 * notification-service's table of emails, read from its schema in the system test's database: whether any email to
 * an address is still due to be sent, so that a test can say "exactly n arrived" and mean it.
 */
final class NotificationLedger {

    private final String database;

    private final GreenMail smtp;

    NotificationLedger(String database, GreenMail smtp) {
        this.database = database;
        this.smtp = smtp;
    }

    /** Waits for exactly {@code count} emails to {@code address}, in the order they arrived. */
    List<MimeMessage> awaitEmails(String address, int count) {
        return ReceivedEmails.waitForExactly(this.smtp, address, count, () -> pending(address) == 0);
    }

    private int pending(String address) {
        return count("select count(*) from notification.notification where recipient = ? and status = 'PENDING'",
                address);
    }

    /** A count from the services' shared database (each service's tables are in its own schema). */
    int count(String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(TestPostgres.jdbcUrl(this.database),
                TestPostgres.username(), "");
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not read the services' tables", ex);
        }
    }

}
