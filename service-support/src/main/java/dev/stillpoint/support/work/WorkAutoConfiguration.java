package dev.stillpoint.support.work;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's {@link WorkSignals}: across instances through its PostgreSQL database when it has one
 * ({@code stillpoint.work.listen=false} keeps signals within the instance).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
public class WorkAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "stillpoint.work.listen", havingValue = "true", matchIfMissing = true)
    WorkSignals workSignals(ObjectProvider<DataSource> dataSource) {
        DataSource pool = dataSource.getIfAvailable();
        return new WorkSignals((pool != null) ? ListeningConnection.outside(pool) : null);
    }

    @Bean
    @ConditionalOnMissingBean
    WorkSignals localWorkSignals() {
        return new WorkSignals(null);
    }

}
