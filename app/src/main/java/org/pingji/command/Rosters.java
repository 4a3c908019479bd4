package org.pingji.command;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.pingji.platform.DutyRoster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The duty rosters as other modules ask them: who is on duty for a region now. */
@Component
class Rosters implements DutyRoster {

    private final JdbcClient jdbc;

    Rosters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OnDuty> onDuty(String regionPath, Instant at) {
        String[] units =
                Arrays.stream(regionPath.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        if (units.length == 0) {
            return Optional.empty();
        }
        // Region codes get longer down the hierarchy: the longest code on duty is the nearest unit.
        return jdbc.sql(
                        """
                        select id, unit_code, officer, leader, phone from command.duty_shifts
                        where unit_code = any(?) and starts_at <= ? and ends_at > ?
                        order by length(unit_code) desc, starts_at desc, id desc limit 1""")
                .params(units, Timestamp.from(at), Timestamp.from(at))
                .query((rs, n) ->
                        new OnDuty(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }
}
