package org.pingji.tracing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.pingji.tracing.TracingViews.Chain;
import org.pingji.tracing.TracingViews.Edge;
import org.pingji.tracing.TracingViews.Node;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The transmission chain of a cluster: its cases (a case started by an earlier case's contact
 * hangs below that case) and their contacts; a contact who became a case is one node.
 */
@Service
public class Chains {

    private final JdbcClient jdbc;

    Chains(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The chain of the cluster; 404 when none of its cases is in the caller's jurisdiction. */
    public Chain chain(Caller caller, long clusterId) {
        caller.require(Permission.TRACE);
        record CaseRow(long id, long personId, String name, String classification, Long infectedBy) {}
        List<CaseRow> cases = jdbc.sql(
                        """
                        select id, person_id, person_name, classification, infected_by from tracing.cases
                        where cluster_id = ? and path like ? order by id""")
                .params(clusterId, caller.pathPattern())
                .query((rs, n) -> new CaseRow(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5)))
                .list();
        if (cases.isEmpty()) {
            throw new CaseNotFound("您的辖区内没有编号为 %d 的聚集性疫情".formatted(clusterId));
        }
        Map<Long, CaseRow> byId = new HashMap<>();
        cases.forEach(c -> byId.put(c.id(), c));
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        for (CaseRow c : cases) {
            int depth = 0;
            for (Long up = c.infectedBy();
                    up != null && byId.containsKey(up) && depth < 100;
                    up = byId.get(up).infectedBy()) {
                depth++;
            }
            nodes.put(
                    "p" + c.personId(),
                    new Node("p" + c.personId(), c.personId(), c.name(), "CASE", c.classification(), depth * 2));
        }
        for (CaseRow c : cases) {
            if (c.infectedBy() != null && byId.containsKey(c.infectedBy())) {
                edges.add(new Edge("p" + byId.get(c.infectedBy()).personId(), "p" + c.personId(), "INFECTED"));
            }
        }
        jdbc.sql(
                        """
                        select k.case_id, k.person_id, k.person_name, k.kind, k.cleared_at is not null
                        from tracing.contacts k join tracing.cases c on c.id = k.case_id
                        where c.cluster_id = ? and c.path like ? order by k.id""")
                .params(clusterId, caller.pathPattern())
                .query(rs -> {
                    CaseRow from = byId.get(rs.getLong(1));
                    String id = "p" + rs.getLong(2);
                    int depth = nodes.get("p" + from.personId()).depth() + 1;
                    nodes.putIfAbsent(
                            id,
                            new Node(
                                    id,
                                    rs.getLong(2),
                                    rs.getString(3),
                                    "CONTACT",
                                    rs.getString(4) + (rs.getBoolean(5) ? " (cleared)" : ""),
                                    depth));
                    edges.add(new Edge("p" + from.personId(), id, rs.getString(4)));
                });
        return new Chain(clusterId, List.copyOf(nodes.values()), edges);
    }
}
