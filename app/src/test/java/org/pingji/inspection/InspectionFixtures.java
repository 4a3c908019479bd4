package org.pingji.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.pingji.TestHttp.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.pingji.access.AccessManagement;
import org.pingji.access.Caller;
import org.pingji.access.Role;
import org.pingji.grid.GridManagement;
import org.pingji.grid.GridManagement.NewPlace;
import org.pingji.grid.PlaceKind;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Fresh supervised entities (licence T-…) on new places, and the demo inspectors' ids. */
final class InspectionFixtures {

    static final String MICRO_GRID = "1410291000010101";
    private static final AtomicInteger NEXT = new AtomicInteger();
    static final Caller ADMIN = new Caller(1, "admin", "系统管理员", Role.ADMIN, "141029", "/141029/");

    private final MockMvcTester mvc;
    private final GridManagement grid;
    private final AccessManagement access;

    InspectionFixtures(MockMvcTester mvc, GridManagement grid, AccessManagement access) {
        this.mvc = mvc;
        this.grid = grid;
        this.access = access;
    }

    /** A new pharmacy place registered as an entity of zone Z1; returns the entity's JSON. */
    String pharmacy() {
        int n = NEXT.incrementAndGet();
        long place = grid.addPlaces(List.of(new NewPlace(
                PlaceKind.SHOP,
                "测试药房" + n + "-" + System.nanoTime() % 100_000,
                "测试街" + n + "号",
                "药店",
                MICRO_GRID,
                null,
                null)))[0];
        var created = post(
                mvc,
                "inspector1",
                "/api/inspection/entities",
                "{\"placeId\":%d,\"licence\":\"T-%d\",\"riskClass\":3,\"zone\":\"Z1\"}".formatted(place, place));
        assertThat(created).hasStatus(201);
        return body(created);
    }

    static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    long userId(String username) {
        return access.usersWithRole(ADMIN, Role.INSPECTOR).stream()
                .filter(u -> u.username().equals(username))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
