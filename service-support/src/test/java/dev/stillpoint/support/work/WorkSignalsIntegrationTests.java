package dev.stillpoint.support.work;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.stillpoint.embedded.TestPostgres;
import dev.stillpoint.embedded.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a service on one real PostgreSQL database: a commit in one wakes the other's poller at once, long
 * before its hourly safety poll; a rolled-back transaction wakes nobody.
 */
class WorkSignalsIntegrationTests {

    private static final Duration HOURLY = Duration.ofHours(1);

    private final DataSource database = dataSource();

    private final WorkSignals writer = new WorkSignals(this.database);

    private final WorkSignals other = new WorkSignals(this.database);

    private final AtomicInteger relayRounds = new AtomicInteger();

    private final AtomicInteger sweepRounds = new AtomicInteger();

    private final Poller relay = this.other.poller("relay", HOURLY, count(this.relayRounds));

    private final Poller sweep = this.other.poller("sweep", HOURLY, count(this.sweepRounds));

    private final TransactionTemplate transactions = new TransactionTemplate(
            new DataSourceTransactionManager(this.database));

    @BeforeEach
    void start() {
        this.writer.start();
        this.other.start();
        await().atMost(Waits.STEP).until(() -> this.writer.listening() && this.other.listening());
        // each runs one round at start, and then only when woken (its safety poll is an hour away)
        this.relay.start();
        this.sweep.start();
        await().atMost(Waits.STEP).until(() -> this.relayRounds.get() == 1 && this.sweepRounds.get() == 1);
    }

    @AfterEach
    void stop() {
        this.relay.stop();
        this.sweep.stop();
        this.other.stop();
        this.writer.stop();
    }

    @Test
    void aCommitInOneInstanceWakesThePollerOfAnother() {
        this.transactions.executeWithoutResult((status) -> this.writer.signal("relay"));
        await().atMost(Waits.STEP).until(() -> this.relayRounds.get() == 2);
    }

    @Test
    void aRolledBackTransactionWakesNobody() {
        this.transactions.executeWithoutResult((status) -> {
            this.writer.signal("relay");
            status.setRollbackOnly();
        });
        this.transactions.executeWithoutResult((status) -> this.writer.signal("sweep"));
        // notifications arrive in commit order: once the later one is in, an earlier one would have been too
        await().atMost(Waits.STEP).until(() -> this.sweepRounds.get() == 2);
        assertThat(this.relayRounds.get()).isEqualTo(1);
    }

    private static Work count(AtomicInteger rounds) {
        return () -> {
            rounds.incrementAndGet();
            return Work.WHEN_WOKEN;
        };
    }

    private static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(TestPostgres.jdbcUrl("work_signals"));
        dataSource.setUser(TestPostgres.username());
        return dataSource;
    }

}
