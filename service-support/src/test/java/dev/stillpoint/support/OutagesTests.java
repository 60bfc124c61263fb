package dev.stillpoint.support;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class OutagesTests {

    @Test
    void aDatabaseOutageIsWaitedOutNotDeadLettered() {
        assertThat(Outages.isInfrastructureOutage(new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection", new SQLException("Connection refused")))))
            .isTrue();
        assertThat(Outages.isInfrastructureOutage(
                new CannotGetJdbcConnectionException("pool exhausted", new SQLException("timeout")))).isTrue();
    }

    @Test
    void aConnectionThatBrokeMidTransactionIsAnOutageThoughOnlyTheRollbackSaysSo() {
        assertThat(Outages.isInfrastructureOutage(new ListenerExecutionFailedException("listener failed",
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")))))
            .isTrue();
        assertThat(Outages.isInfrastructureOutage(new UncategorizedSQLException("insert", "insert into subscriber",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(Outages.backOffFor(new CannotGetJdbcConnectionException("pool exhausted"))).isNotNull();
    }

    @Test
    void aRecordThatCannotBeProcessedIsNotAnOutage() {
        assertThat(Outages.isInfrastructureOutage(new ListenerExecutionFailedException("listener failed",
                new DataIntegrityViolationException("constraint")))).isFalse();
        assertThat(Outages.isInfrastructureOutage(new IllegalArgumentException("bad"))).isFalse();
        assertThat(Outages.isInfrastructureOutage(new UncategorizedSQLException("insert", "insert",
                new SQLException("value too long", "22001")))).isFalse();
        assertThat(Outages.backOffFor(new IllegalArgumentException("bad"))).isNull();
    }

}
