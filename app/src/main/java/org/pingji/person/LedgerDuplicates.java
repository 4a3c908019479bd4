package org.pingji.person;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.pingji.grid.GridManagement;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ledger rows whose person is registered already — in the micro-grid the row goes to or anywhere
 * else in the county — found with one query per 10,000 IDs by keyed hash. A person is never
 * created twice.
 */
@Component
class LedgerDuplicates {

    /** The problems found and, per checked row in order, its ID's keyed hash (reused for writing). */
    record Checked(List<ImportProblem> problems, byte[][] hashes) {}

    private static final int CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final PersonalDataVault vault;
    private final GridManagement grid;

    LedgerDuplicates(JdbcClient jdbc, PersonalDataVault vault, GridManagement grid) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.grid = grid;
    }

    Checked check(List<LedgerRows.ValidRow> valid, UnaryOperator<String> header) {
        List<ImportProblem> problems = new ArrayList<>();
        byte[][] hashes = new byte[valid.size()][];
        HexFormat hex = HexFormat.of();
        for (int from = 0; from < valid.size(); from += CHUNK) {
            int to = Math.min(valid.size(), from + CHUNK);
            Map<String, LedgerRows.ValidRow> byHash = new HashMap<>((to - from) * 2);
            byte[][] chunk = new byte[to - from][];
            for (int i = from; i < to; i++) {
                hashes[i] = vault.hash(valid.get(i).residentId().value());
                chunk[i - from] = hashes[i];
                byHash.put(hex.formatHex(hashes[i]), valid.get(i));
            }
            jdbc.sql("select id_hash, micro_grid_code from person.persons where id_hash = any(?)")
                    .param(chunk)
                    .query(rs -> {
                        LedgerRows.ValidRow row = byHash.get(hex.formatHex(rs.getBytes(1)));
                        String where = rs.getString(2);
                        problems.add(new ImportProblem(
                                row.row(),
                                header.apply(LedgerColumns.RESIDENT_ID),
                                row.residentId().masked(),
                                message(row, where)));
                    });
        }
        return new Checked(problems, hashes);
    }

    private String message(LedgerRows.ValidRow row, String registeredIn) {
        if (registeredIn.equals(row.region().code())) {
            return "身份证号已登记";
        }
        String name = grid.findRegion(registeredIn).map(Region::name).orElse(registeredIn);
        return "该人员已登记在「%s」（%s），不能重复登记；如已迁入本网格，请先由原网格迁出".formatted(name, registeredIn);
    }
}
