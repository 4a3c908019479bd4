package org.pingji.warning;

import java.util.List;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which detection runs for each signal and region level ({@code warning.signal_settings}). */
@Component
class SignalSettings {

    /** One setting: method and its parameters for a signal at a level, active or not. */
    record Setting(
            String signal, String label, String level, String method, double alpha, int threshold, boolean active) {

        DetectionSettings detection() {
            DetectionSettings base = DetectionSettings.of(DetectionMethod.valueOf(method));
            return method.equals("THRESHOLD") ? base.withThreshold(threshold) : base.withAlpha(alpha);
        }

        /** Depth of the level in a materialised path: county 1, township 2, … */
        int depth() {
            return switch (level) {
                case "COUNTY" -> 1;
                case "TOWNSHIP" -> 2;
                case "VILLAGE" -> 3;
                case "GRID" -> 4;
                default -> 5;
            };
        }
    }

    private final JdbcClient jdbc;

    SignalSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Setting> all() {
        return jdbc.sql(
                        """
                        select t.signal, s.label, t.level, t.method, t.alpha, t.threshold, t.active
                        from warning.signal_settings t join warning.signals s on s.name = t.signal
                        order by s.category, t.signal, t.level, t.method""")
                .query(Setting.class)
                .list();
    }

    List<Setting> active() {
        return all().stream().filter(Setting::active).toList();
    }

    /** Adds or changes a setting (refused with 400 for an alpha outside (0, 1) or a bad method). */
    void save(Caller caller, String signal, String level, String method, double alpha, int threshold, boolean active) {
        caller.require(Permission.SIGNAL_ANALYSE);
        DetectionMethod m = Detection.method(method);
        if (!List.of("COUNTY", "TOWNSHIP", "VILLAGE", "GRID", "MICRO_GRID").contains(level)) {
            throw WarningRefused.invalid("level_invalid", "未知的区域层级：" + level);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw WarningRefused.invalid("alpha_invalid", "alpha 须在0到1之间（不含）：" + alpha);
        }
        if (threshold < 1) {
            throw WarningRefused.invalid("threshold_invalid", "阈值须不小于1：" + threshold);
        }
        int known = jdbc.sql("select count(*) from warning.signals where name = ?")
                .param(signal)
                .query(Integer.class)
                .single();
        if (known == 0) {
            throw WarningRefused.notFound("信号 " + signal);
        }
        jdbc.sql(
                        """
                        insert into warning.signal_settings (signal, level, method, alpha, threshold, active)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (signal, level, method) do update
                        set alpha = excluded.alpha, threshold = excluded.threshold, active = excluded.active""")
                .params(signal, level, m.name(), alpha, threshold, active)
                .update();
    }
}
