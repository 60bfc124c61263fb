package dev.stillpoint.notification.system;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConfigurationTests {

    @Test
    void aDatabaseOutageIsWaitedOutNotDeadLettered() {
        assertThat(KafkaConfiguration.isInfrastructureOutage(new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection", new SQLException("Connection refused")))))
            .isTrue();
        assertThat(KafkaConfiguration.isInfrastructureOutage(
                new CannotGetJdbcConnectionException("pool exhausted", new SQLException("timeout")))).isTrue();
    }

    @Test
    void aRecordThatCannotBeProcessedIsNotAnOutage() {
        assertThat(KafkaConfiguration.isInfrastructureOutage(new ListenerExecutionFailedException("listener failed",
                new DataIntegrityViolationException("constraint")))).isFalse();
        assertThat(KafkaConfiguration.isInfrastructureOutage(new IllegalArgumentException("bad"))).isFalse();
    }

}
