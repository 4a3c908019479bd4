package org.pingji.person;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridWorkerView;
import org.pingji.grid.PlaceKind;
import org.pingji.grid.PlaceView;
import org.pingji.grid.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ledger views written to XLSX with Chinese headers, streamed: persons (IDs and phones masked),
 * households and grid workers of a region in the caller's jurisdiction. Every export is audited.
 */
@Component
class LedgerExport {

    private static final int CHUNK = 5_000;

    private final JdbcClient jdbc;
    private final GridManagement grid;
    private final AccessManagement access;

    LedgerExport(JdbcClient jdbc, GridManagement grid, AccessManagement access) {
        this.jdbc = jdbc;
        this.grid = grid;
        this.access = access;
    }

    /** Persons of a region, read in keyset-paged chunks (never the whole region in memory). */
    void persons(Caller caller, String regionCode, OutputStream out) throws IOException {
        caller.require(Permission.LEDGER_EXPORT);
        Region region = grid.region(caller, regionCode);
        Workbook workbook = new Workbook(out, "Pingji", "1.0");
        Worksheet sheet = workbook.newWorksheet("人员台账");
        header(sheet, "姓名", "身份证号", "性别", "出生年份", "手机号", "微网格编码", "户编号", "居住类型");
        String lastPath = "";
        long lastId = 0;
        int row = 1;
        while (true) {
            List<Object[]> chunk = jdbc.sql(
                            """
                            select p.path, p.id, p.name, p.id_masked, p.sex, extract(year from p.birth_date)::int,
                                   p.phone_masked, p.micro_grid_code, p.household_id, p.residence
                            from person.persons p
                            where p.path like ? and p.merged_into is null and (p.path, p.id) > (?, ?)
                            order by p.path, p.id limit ?""")
                    .params(region.path() + "%", lastPath, lastId, CHUNK)
                    .query((rs, n) -> new Object[] {
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getObject(9),
                        rs.getString(10)
                    })
                    .list();
            for (Object[] p : chunk) {
                sheet.value(row, 0, (String) p[2]);
                sheet.value(row, 1, (String) p[3]);
                sheet.value(row, 2, "M".equals(p[4]) ? "男" : "女");
                sheet.value(row, 3, (Integer) p[5]);
                sheet.value(row, 4, p[6] == null ? "" : (String) p[6]);
                sheet.value(row, 5, (String) p[7]);
                sheet.value(row, 6, p[8] == null ? "" : p[8].toString());
                sheet.value(row, 7, ResidenceKind.valueOf((String) p[9]).label());
                row++;
            }
            if (chunk.size() < CHUNK) {
                break;
            }
            sheet.flush();
            lastPath = (String) chunk.getLast()[0];
            lastId = (Long) chunk.getLast()[1];
        }
        workbook.finish();
        access.audit(caller, "LEDGER_EXPORT", "REGION", regionCode, "persons %d rows".formatted(row - 1));
    }

    void households(Caller caller, String regionCode, OutputStream out) throws IOException {
        caller.require(Permission.LEDGER_EXPORT);
        grid.region(caller, regionCode);
        Workbook workbook = new Workbook(out, "Pingji", "1.0");
        Worksheet sheet = workbook.newWorksheet("住户台账");
        header(sheet, "户编号", "住址", "微网格编码");
        int row = 1;
        for (int page = 0; ; page++) {
            List<PlaceView> households = grid.places(caller, regionCode, PlaceKind.HOUSEHOLD, page, CHUNK);
            for (PlaceView h : households) {
                sheet.value(row, 0, Long.toString(h.id()));
                sheet.value(row, 1, h.address() == null ? h.name() : h.address());
                sheet.value(row, 2, h.microGridCode());
                row++;
            }
            if (households.size() < CHUNK) {
                break;
            }
        }
        workbook.finish();
        access.audit(caller, "LEDGER_EXPORT", "REGION", regionCode, "households %d rows".formatted(row - 1));
    }

    void gridWorkers(Caller caller, String regionCode, OutputStream out) throws IOException {
        caller.require(Permission.LEDGER_EXPORT);
        List<GridWorkerView> workers = grid.gridWorkers(caller, regionCode);
        Workbook workbook = new Workbook(out, "Pingji", "1.0");
        Worksheet sheet = workbook.newWorksheet("网格员");
        header(sheet, "姓名", "账号", "类型", "负责微网格");
        int row = 1;
        for (GridWorkerView w : workers) {
            sheet.value(row, 0, w.name());
            sheet.value(row, 1, w.username());
            sheet.value(row, 2, w.employment() == GridWorkerView.Employment.FULL_TIME ? "专职" : "兼职");
            sheet.value(row, 3, String.join("、", w.microGridCodes()));
            row++;
        }
        workbook.finish();
        access.audit(caller, "LEDGER_EXPORT", "REGION", regionCode, "grid workers %d rows".formatted(row - 1));
    }

    static void header(Worksheet sheet, String... headers) {
        for (int c = 0; c < headers.length; c++) {
            sheet.value(0, c, headers[c]);
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
            sheet.width(c, 20);
        }
    }
}
