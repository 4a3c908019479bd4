package org.pingji.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node refuses to start, with one clear message, on a database it must not serve: one a newer
 * build migrated (this build's Flyway settings, on a scratch schema of the test database), or one
 * that refuses its login; and the refusal changes nothing in the database.
 */
@PingjiTest
class StartupFailuresTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.flyway.ignore-migration-patterns}")
    String[] ignorePatterns;

    final StartupFailures analyzer = new StartupFailures();

    @Test
    void aSchemaMigratedByANewerBuildStopsTheStartWithAClearMessageAndIsLeftAsItWas() {
        jdbc.sql("drop schema if exists startup_check cascade").update();
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas("startup_check")
                .createSchemas(true)
                .locations("classpath:db/startup-check")
                .ignoreMigrationPatterns(ignorePatterns)
                .load();
        flyway.migrate();
        // a newer node applied version 2, which this build does not carry
        jdbc.sql(
                        """
                        insert into startup_check.flyway_schema_history
                          (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                        values (2, '2', 'from a newer build', 'SQL', 'V2__newer.sql', 1, 'test', 0, true)""")
                .update();

        int applied = historyRows();

        Throwable refused = catchThrowable(flyway::migrate);

        assertThat(refused).isInstanceOf(FlywayValidateException.class);
        var analysis = analyzer.analyze(new BeanCreationException("flywayInitializer", "Init failed", refused));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("数据库结构比本节点新").contains("本节点没有改动数据库");
        assertThat(analysis.getAction()).contains("同一版本或更新版本");
        assertThat(historyRows()).as("nothing recorded by the refused start").isEqualTo(applied);
        jdbc.sql("drop schema startup_check cascade").update();
    }

    private int historyRows() {
        return jdbc.sql("select count(*) from startup_check.flyway_schema_history")
                .query(Integer.class)
                .single();
    }

    @Test
    void aRefusedLoginNamesTheSettingsToCheck() {
        var login = new PSQLException(
                "FATAL: password authentication failed for user \"pingji\"", PSQLState.INVALID_PASSWORD);
        var analysis = analyzer.analyze(new BeanCreationException("dataSource", "Init failed", login));
        assertThat(analysis.getDescription()).startsWith("数据库拒绝登录").contains("password authentication failed");
        assertThat(analysis.getAction()).isEqualTo("检查 PINGJI_DB_USER 与 PINGJI_DB_PASSWORD。");
        assertThat(analyzer.analyze(new IllegalStateException("something else")))
                .isNull();
    }
}
