package org.pingji.testing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Transport boxes of sealed tubes and their chain of custody (packed, handed over, received). */
@Component
class Boxes {

    private final JdbcClient jdbc;
    private final Clock clock;

    Boxes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Packs sealed tubes of one round into a new box. */
    @Transactional
    int pack(Caller caller, String rawBox, long roundId, List<String> rawTubes, String location) {
        caller.require(Permission.SAMPLE);
        String box = normalise(rawBox, "箱码");
        if (rawTubes == null || rawTubes.isEmpty()) {
            throw new TestingRefused("tubeBarcodes: 请扫描至少一支试管");
        }
        List<String> tubes =
                rawTubes.stream().map(t -> normalise(t, "试管条码")).distinct().toList();
        boolean exists = jdbc.sql("select exists(select 1 from testing.boxes where barcode = ?)")
                .param(box)
                .query(Boolean.class)
                .single();
        if (exists) {
            throw new TestingRefused("转运箱 %s 已使用".formatted(box));
        }
        List<String> notSealed = jdbc.sql(
                        """
                        select u.b from unnest(?::text[]) as u(b) left join testing.tubes t on t.barcode = u.b
                        where t.barcode is null or t.status <> 'SEALED' or t.round_id <> ?""")
                .params(tubes.toArray(String[]::new), roundId)
                .query(String.class)
                .list();
        if (!notSealed.isEmpty()) {
            throw new TestingRefused("以下试管不存在、未封管、已装箱或不属于本轮：%s".formatted(String.join("、", notSealed)));
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("insert into testing.boxes (barcode, round_id, created_by, created_at) values (?, ?, ?, ?)")
                .params(box, roundId, caller.username(), now)
                .update();
        jdbc.sql("update testing.tubes set status = 'BOXED', box_barcode = ? where barcode = any(?)")
                .params(box, tubes.toArray(String[]::new))
                .update();
        custody(box, "PACKED", caller.username(), now, location);
        return tubes.size();
    }

    /** Records that the box left the collection point towards a lab. */
    @Transactional
    void handOver(Caller caller, String rawBox, String location) {
        caller.require(Permission.SAMPLE);
        String box = existing(rawBox);
        Long received = jdbc.sql("select count(*) from testing.boxes where barcode = ? and received_at is not null")
                .param(box)
                .query(Long.class)
                .single();
        if (received > 0) {
            throw new TestingRefused("转运箱 %s 已被实验室接收".formatted(box));
        }
        custody(box, "HANDED_OVER", caller.username(), Timestamp.from(Instant.now(clock)), location);
    }

    /** The lab scans the box in: its tubes are received. */
    @Transactional
    int receive(Caller caller, String rawBox, String location) {
        caller.require(Permission.LAB_REPORT);
        String box = existing(rawBox);
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = jdbc.sql(
                        "update testing.boxes set received_at = ?, lab = ? where barcode = ? and received_at is null")
                .params(now, caller.username(), box)
                .update();
        if (updated == 0) {
            throw new TestingRefused("转运箱 %s 已接收".formatted(box));
        }
        custody(box, "RECEIVED", caller.username(), now, location);
        return jdbc.sql("update testing.tubes set status = 'RECEIVED' where box_barcode = ? and status = 'BOXED'")
                .param(box)
                .update();
    }

    List<CustodyEntry> custody(String rawBox) {
        return jdbc.sql("select action, actor, at, location from testing.custody where box_barcode = ? order by at, id")
                .param(existing(rawBox))
                .query((rs, n) -> new CustodyEntry(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    private String existing(String rawBox) {
        String box = normalise(rawBox, "箱码");
        boolean exists = jdbc.sql("select exists(select 1 from testing.boxes where barcode = ?)")
                .param(box)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new TestingRefused("转运箱 %s 不存在".formatted(box));
        }
        return box;
    }

    private void custody(String box, String action, String actor, Timestamp at, String location) {
        jdbc.sql("insert into testing.custody (box_barcode, action, actor, at, location) values (?, ?, ?, ?, ?)")
                .params(box, action, actor, at, location)
                .update();
    }

    private static String normalise(String raw, String what) {
        String value = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        if (!ScanBatch.BARCODE.matcher(value).matches()) {
            throw new TestingRefused("%s格式错误：%s".formatted(what, raw));
        }
        return value;
    }
}
