package org.pingji.inspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingji.inspection.InspectionManagement.ChecklistItem;
import org.pingji.inspection.InspectionManagement.ChecklistView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Checklists per entity category, versioned: the newest version of a category is the one in use. */
@Component
class Checklists {

    private final JdbcClient jdbc;

    Checklists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version of each category's checklist (of one category when given). */
    List<ChecklistView> current(String category) {
        return load(
                """
                select c.id, c.category, c.version, c.title from inspection.checklists c
                where (cast(:category as text) is null or c.category = :category)
                  and c.version = (select max(version) from inspection.checklists x where x.category = c.category)
                order by c.category""",
                category);
    }

    Optional<ChecklistView> byId(long id) {
        return load(
                        "select c.id, c.category, c.version, c.title from inspection.checklists c where c.id = cast(:category as bigint)",
                        Long.toString(id))
                .stream()
                .findFirst();
    }

    private List<ChecklistView> load(String sql, String parameter) {
        record Head(long id, String category, int version, String title) {}
        List<Head> heads = jdbc.sql(sql)
                .param("category", parameter)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ChecklistItem>> items = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select checklist_id, id, text, severity, legal_basis, photo_required from inspection.checklist_items
                        where checklist_id = any(?) order by checklist_id, position""")
                .param(heads.stream().map(Head::id).toArray(Long[]::new))
                .query(rs -> {
                    items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new ChecklistItem(
                                    rs.getLong(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getBoolean(6)));
                });
        return heads.stream()
                .map(h -> new ChecklistView(
                        h.id(), h.category(), h.version(), h.title(), items.getOrDefault(h.id(), List.of())))
                .toList();
    }
}
