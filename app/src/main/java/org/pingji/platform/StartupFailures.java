package org.pingji.platform;

import java.sql.SQLException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the ways a node fails to start against its database into one clear message for the
 * operator (Spring Boot prints it and the process exits non-zero): a refused login, a database that
 * is not there, a server that does not answer, and a schema that a newer or a different build
 * migrated. Flyway runs each migration in its own transaction, so a refused start leaves the schema
 * as it found it.
 */
public class StartupFailures implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FlywayValidateException schema) {
                return schema(schema);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                FailureAnalysis analysis = database(sql);
                if (analysis != null) {
                    return analysis;
                }
            }
        }
        return null;
    }

    private static FailureAnalysis schema(FlywayValidateException e) {
        String detail = e.getMessage();
        if (detail != null && detail.contains("not resolved locally")) {
            return new FailureAnalysis(
                    "数据库结构比本节点新：数据库里有本节点不认识的迁移（" + firstLine(detail) + "）。本节点没有改动数据库。",
                    "用与数据库同一版本或更新版本的平急启动本节点；不要用旧版本节点连接已升级的数据库。",
                    e);
        }
        return new FailureAnalysis(
                "数据库结构与本节点不符（" + firstLine(detail) + "）。本节点没有改动数据库。", "确认 PINGJI_DB_URL 指向平急的数据库，且其迁移未被手工修改。", e);
    }

    private static FailureAnalysis database(SQLException e) {
        String state = e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return new FailureAnalysis(
                    "数据库拒绝登录（" + e.getMessage() + "）。", "检查 PINGJI_DB_USER 与 PINGJI_DB_PASSWORD。", e);
        }
        if (state.equals("3D000")) {
            return new FailureAnalysis("数据库不存在（" + e.getMessage() + "）。", "先建库（createdb），或改正 PINGJI_DB_URL 中的库名。", e);
        }
        if (state.startsWith("08")) {
            return new FailureAnalysis(
                    "连不上数据库服务器（" + e.getMessage() + "）。", "确认 PostgreSQL 已启动，且 PINGJI_DB_URL 的主机和端口正确。", e);
        }
        return null;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }
}
