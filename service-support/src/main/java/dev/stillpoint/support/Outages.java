package dev.stillpoint.support;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A record a listener could not handle because the database was away is no fault of the record: it is retried every
 * five seconds for as long as the outage lasts (the consumer paused but polling, so it keeps its partitions), never
 * dead-lettered. Any other failure is the error handler's to judge.
 */
public final class Outages {

    private Outages() {
    }

    /** The back-off for a record that failed because of an outage, or {@code null} (the handler's default) if not. */
    public static BackOff backOffFor(Exception ex) {
        return isInfrastructureOutage(ex) ? new FixedBackOff(5000, FixedBackOff.UNLIMITED_ATTEMPTS) : null;
    }

    /**
     * Whether the failure, or any of its causes, says the database could not be reached or answered for now: Spring's
     * word for it, or the driver's SQLSTATE (class 08 connection exception, 53 insufficient resources, 57P operator
     * intervention such as a shutdown for a restart). A connection that broke mid-transaction often surfaces only as
     * the commit or rollback that failed ({@link TransactionSystemException}), which is never the record's fault.
     */
    public static boolean isInfrastructureOutage(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                    || sql.getSQLState().startsWith("53") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

}
