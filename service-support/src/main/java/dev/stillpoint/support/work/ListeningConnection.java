package dev.stillpoint.support.work;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;

/**
 * Where the listening connection of {@link WorkSignals} comes from: beside the pool, not out of it. It is held for
 * the life of the instance, and taken from Hikari's ten it left the work nine; with three consumers, four senders and
 * db-scheduler waiting on them, confirmations at 50 bookings/s took 10 s instead of 2 s (benchmark).
 */
final class ListeningConnection {

    private ListeningConnection() {
    }

    /** A source of single connections to the pool's database, user and schema; the pool itself if it is not Hikari. */
    static DataSource outside(DataSource pool) {
        if (!ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", ListeningConnection.class.getClassLoader())
                || !(pool instanceof HikariDataSource hikari) || hikari.getJdbcUrl() == null) {
            return pool;
        }
        SimpleDriverDataSource own = new SimpleDriverDataSource() {
            @Override
            protected Connection getConnectionFromDriver(Properties properties) throws SQLException {
                Connection connection = super.getConnectionFromDriver(properties);
                if (hikari.getSchema() != null) {
                    connection.setSchema(hikari.getSchema());
                }
                return connection;
            }
        };
        own.setDriverClass(org.postgresql.Driver.class);
        own.setUrl(hikari.getJdbcUrl());
        own.setUsername(hikari.getUsername());
        own.setPassword(hikari.getPassword());
        return own;
    }

}
