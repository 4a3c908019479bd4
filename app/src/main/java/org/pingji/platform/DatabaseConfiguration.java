package org.pingji.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL when no external database URL is configured
 * ({@code PINGJI_DB_URL} or {@code spring.datasource.url}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class DatabaseConfiguration {

    /**
     * Embedded database settings under {@code pingji.embedded-db}: the data folder (blank: a
     * throw-away one), the connection pool size, and {@code max_wal_size} of a kept data folder.
     */
    @ConfigurationProperties("pingji.embedded-db")
    record EmbeddedDbSettings(String dataDir, Integer poolSize, String maxWalSize) {
        EmbeddedDbSettings {
            poolSize = poolSize == null ? 20 : poolSize;
            maxWalSize = maxWalSize == null || maxWalSize.isBlank() ? "4GB" : maxWalSize;
        }
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDbSettings settings) {
        var server = EmbeddedPostgres.start(settings.dataDir(), settings.maxWalSize());
        var config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:%d/postgres".formatted(server.getPort()));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("pingji-embedded");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }
}
