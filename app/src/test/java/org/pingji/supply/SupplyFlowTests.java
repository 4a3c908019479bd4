package org.pingji.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pingji.TestHttp.body;
import static org.pingji.TestHttp.get;
import static org.pingji.TestHttp.post;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pingji.PingjiTest;
import org.pingji.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Supplies over HTTP on the demo county: receipts and their bad input, the requisition flow, parallel allocations. */
@PingjiTest
class SupplyFlowTests {

    static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    long id(MvcTestResult result, String path) {
        return ((Number) JsonPath.read(body(result), path)).longValue();
    }

    long newItem(boolean expires) {
        String code = "T" + System.nanoTime() + SEQ.incrementAndGet();
        var r = post(
                mvc,
                "supplies1",
                "/api/supply/items",
                """
                {"code":"%s","name":"测试口罩%s","unit":"只","category":"C01","shelfLifeDays":%s}"""
                        .formatted(code, code, expires ? "365" : "null"));
        assertThat(r).hasStatus(201);
        return id(r, "$.id");
    }

    long warehouse(String region, String level) {
        List<Number> ids = JsonPath.read(
                body(get(mvc, "supplies1", "/api/supply/warehouses?region=" + region)),
                "$[?(@.level == '%s')].id".formatted(level));
        return ids.getFirst().longValue();
    }

    MvcTestResult receipt(long warehouse, long item, String lot, String produced, String expires, String quantity) {
        return post(
                mvc,
                "supplies1",
                "/api/supply/receipts",
                """
                {"warehouseId":%d,"itemId":%d,"lot":"%s","producedOn":%s,"expiresOn":%s,"quantity":%s}"""
                        .formatted(warehouse, item, lot, produced, expires, quantity));
    }

    long ledgerRows() {
        return jdbc.sql("select count(*) from supply.ledger").query(Long.class).single();
    }

    void assertLedgerAgreesWithBalances() {
        long disagreeing = jdbc.sql(
                        """
                        select count(*) from supply.balances b
                        full join (select warehouse_id, lot_id, sum(quantity) as q from supply.ledger group by 1, 2) g
                          on g.warehouse_id = b.warehouse_id and g.lot_id = b.lot_id
                        where coalesce(b.quantity, 0) <> coalesce(g.q, 0)""")
                .query(Long.class)
                .single();
        assertThat(disagreeing).isZero();
        assertThat(jdbc.sql("select count(*) from supply.balances where quantity < 0")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void demoCountyHoldsTheReserves() {
        assertThat(jdbc.sql("select count(*) from supply.categories")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(93);
        assertThat(jdbc.sql("select sum(quantity) from supply.balances")
                        .query(BigDecimal.class)
                        .single())
                .isGreaterThan(BigDecimal.valueOf(180_000));
        assertThat(jdbc.sql("select count(*) from supply.suppliers")
                        .query(Long.class)
                        .single())
                .isEqualTo(30);
        assertThat(body(get(mvc, "supplies1", "/api/supply/stock?region=141029")))
                .contains("EXPIRED", "D30", "D90", "D180");
        assertThat(body(get(mvc, "supplies1", "/api/supply/requisitions")))
                .contains("SUBMITTED", "FIRST_APPROVED", "\"APPROVED\"", "ALLOCATED", "DISPATCHED", "RECEIVED");
        assertLedgerAgreesWithBalances();
    }

    @Test
    void badReceiptsAreRefusedAndWriteNothing() {
        long item = newItem(true);
        long counted = newItem(false);
        long county = warehouse("141029", "COUNTY");
        long before = ledgerRows();
        assertThat(receipt(county, item, "B1", "\"2026-01-01\"", "null", "10"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("supply.expiry_required");
        assertThat(receipt(county, item, "B1", "\"2026-06-01\"", "\"2026-01-01\"", "10"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("supply.expiry_before_production");
        for (String q : List.of("0", "-5")) {
            assertThat(receipt(county, item, "B1", "null", "\"2027-06-01\"", q))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("supply.quantity_invalid");
        }
        var fractional = receipt(county, counted, "B1", "null", "null", "2.5");
        assertThat(fractional)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("supply.quantity_fractional");
        assertThat(body(fractional)).contains("数量须为整数");
        assertThat(receipt(county, 99_999_999L, "B1", "null", "null", "1"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("supply.unknown_item");
        assertThat(post(mvc, "township1", "/api/supply/receipts", "{}")).hasStatus(403);
        assertThat(post(
                        mvc,
                        "supplies1",
                        "/api/supply/items",
                        "{\"code\":\"X1\",\"name\":\"x\",\"unit\":\"只\",\"category\":\"无此类\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("supply.unknown_category");
        assertThat(ledgerRows()).isEqualTo(before);
        // a good receipt of a non-expiring counted item
        assertThat(receipt(county, counted, "B1", "null", "null", "7")).hasStatus(201);
        assertThat(body(get(mvc, "supplies1", "/api/supply/stock?item=" + counted)))
                .contains("\"total\":7", "\"lot\":\"B1\"");
    }

    @Test
    void townshipRequisitionIsApprovedAllocatedByFefoAcrossTwoWarehousesDispatchedAndReceived() {
        long item = newItem(true);
        long township = warehouse("141029100", "TOWNSHIP");
        long county = warehouse("141029", "COUNTY");
        LocalDate today = LocalDate.now();
        assertThat(receipt(township, item, "TOWN-LATE", "null", "\"%s\"".formatted(today.plusDays(300)), "30"))
                .hasStatus(201);
        assertThat(receipt(township, item, "TOWN-EXPIRED", "null", "\"%s\"".formatted(today.minusDays(3)), "100"))
                .hasStatus(201);
        assertThat(receipt(county, item, "COUNTY-LATE", "null", "\"%s\"".formatted(today.plusDays(200)), "50"))
                .hasStatus(201);
        assertThat(receipt(county, item, "COUNTY-SOON", "null", "\"%s\"".formatted(today.plusDays(40)), "20"))
                .hasStatus(201);
        // unknown item and a zero quantity are refused
        assertThat(post(
                        mvc,
                        "township1",
                        "/api/supply/requisitions",
                        "{\"requesterRegion\":\"141029100\",\"lines\":[{\"itemId\":99999999,\"quantity\":1}]}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("supply.unknown_item");
        assertThat(post(
                        mvc,
                        "township1",
                        "/api/supply/requisitions",
                        "{\"requesterRegion\":\"141029101\",\"lines\":[{\"itemId\":%d,\"quantity\":1}]}"
                                .formatted(item)))
                .hasStatus(404);
        var created = post(
                mvc,
                "township1",
                "/api/supply/requisitions",
                "{\"requesterRegion\":\"141029100\",\"lines\":[{\"itemId\":%d,\"quantity\":60}],\"emergency\":false}"
                        .formatted(item));
        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.state").isEqualTo("SUBMITTED");
        long req = id(created, "$.id");
        String base = "/api/supply/requisitions/" + req;
        assertThat(post(mvc, "supplies1", base + "/allocate", "")).hasStatus(409);
        assertThat(post(mvc, "township1", base + "/approve", "")).hasStatus(403);
        var first = post(mvc, "commander", base + "/approve", "");
        assertThat(first).hasStatusOk();
        assertThat(body(first)).contains("\"state\":\"FIRST_APPROVED\"", "\"pending\":1");
        assertThat(post(mvc, "coleader", base + "/approve", ""))
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("supply.second_level");
        assertThat(body(post(mvc, "supplies1", base + "/approve", "")))
                .contains("\"state\":\"APPROVED\"", "\"pending\":0");
        var allocation = post(mvc, "supplies1", base + "/allocate", "");
        assertThat(allocation).hasStatusOk();
        String picks = body(allocation);
        // nearest first (the township's store, the expired lot never), then the county's first-expiring lot
        assertThat((List<String>) JsonPath.read(picks, "$.picks[*].lot"))
                .containsExactly("TOWN-LATE", "COUNTY-SOON", "COUNTY-LATE");
        assertThat((List<Number>) JsonPath.read(picks, "$.picks[*].quantity"))
                .extracting(Number::intValue)
                .containsExactly(30, 20, 10);
        assertThat((List<?>) JsonPath.read(picks, "$.shortfalls")).isEmpty();
        assertThat(post(mvc, "supplies1", base + "/dispatch", "{\"vehicle\":\"\",\"driver\":\"\"}"))
                .hasStatus(400);
        assertThat(post(mvc, "supplies1", base + "/dispatch", "{\"vehicle\":\"晋L·12345\",\"driver\":\"张师傅\"}"))
                .hasStatusOk();
        var received = post(
                mvc, "township1", base + "/receive", "{\"lines\":[{\"itemId\":%d,\"received\":61}]}".formatted(item));
        assertThat(received).hasStatusOk();
        assertThat(body(received))
                .contains("\"state\":\"RECEIVED\"", "\"discrepancies\":1", "\"discrepancy\":\"OVER\"");
        String stock = body(get(mvc, "supplies1", "/api/supply/stock?item=" + item));
        assertThat(stock).contains("\"available\":40", "\"expired\":100");
        // beyond stock: partial allocation with the shortfall shown, never negative
        long big = id(
                post(
                        mvc,
                        "supplies1",
                        "/api/supply/requisitions",
                        "{\"requesterRegion\":\"141029100\",\"lines\":[{\"itemId\":%d,\"quantity\":45}],\"emergency\":true}"
                                .formatted(item)),
                "$.id");
        String detail = body(get(mvc, "supplies1", "/api/supply/requisitions/" + big));
        assertThat(detail).contains("\"state\":\"ALLOCATED\"", "\"allocated\":40");
        assertThat(post(mvc, "supplies1", "/api/supply/requisitions/" + big + "/approve", ""))
                .hasStatus(403)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("supply.self_approval");
        assertThat(body(post(mvc, "commander", "/api/supply/requisitions/" + big + "/approve", "")))
                .contains("\"afterTheFact\":true");
        assertLedgerAgreesWithBalances();
    }

    @Test
    void fiftyParallelAllocationsOfAScarceItemNeverIssueMoreThanInStock() throws Exception {
        long item = newItem(false);
        long county = warehouse("141029", "COUNTY");
        long township = warehouse("141029100", "TOWNSHIP");
        assertThat(receipt(county, item, "S1", "null", "null", "13")).hasStatus(201);
        assertThat(receipt(township, item, "S2", "null", "null", "8")).hasStatus(201);
        List<Long> requisitions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long req = id(
                    post(
                            mvc,
                            "township1",
                            "/api/supply/requisitions",
                            "{\"requesterRegion\":\"141029100\",\"lines\":[{\"itemId\":%d,\"quantity\":2}]}"
                                    .formatted(item)),
                    "$.id");
            post(mvc, "commander", "/api/supply/requisitions/%d/approve".formatted(req), "");
            post(mvc, "supplies1", "/api/supply/requisitions/%d/approve".formatted(req), "");
            requisitions.add(req);
        }
        HttpClient http = HttpClient.newHttpClient();
        List<Callable<Integer>> calls = requisitions.stream()
                .<Callable<Integer>>map(req -> () -> http.send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:%d/api/supply/requisitions/%d/allocate"
                                                        .formatted(port, req)))
                                        .header("Authorization", TestHttp.basic("supplies1"))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        BigDecimal issued = jdbc.sql("select -sum(quantity) from supply.ledger where item_id = ? and kind = 'ISSUE'")
                .param(item)
                .query(BigDecimal.class)
                .single();
        BigDecimal allocated = jdbc.sql("select sum(allocated) from supply.requisition_lines where item_id = ?")
                .param(item)
                .query(BigDecimal.class)
                .single();
        assertThat(issued).isEqualByComparingTo("21");
        assertThat(allocated).isEqualByComparingTo("21");
        assertThat(jdbc.sql("select sum(quantity) from supply.balances where item_id = ?")
                        .param(item)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("0");
        assertLedgerAgreesWithBalances();
    }

    @Test
    void theExpiredDemoLotIsWrittenOffAndTheForecastCountsRoundsOfSwabs() {
        record Lot(long warehouseId, long lotId, long itemId) {}
        Lot lot = jdbc.sql(
                        """
                        select b.warehouse_id, b.lot_id, b.item_id from supply.balances b
                        join supply.lots l on l.id = b.lot_id where l.lot_no = 'L-EXPIRED-84'""")
                .query(Lot.class)
                .single();
        String json = "{\"warehouseId\":%d,\"lotId\":%d}".formatted(lot.warehouseId(), lot.lotId());
        assertThat(post(mvc, "township1", "/api/supply/write-offs", json)).hasStatus(403);
        assertThat(body(get(mvc, "supplies1", "/api/supply/stock?item=" + lot.itemId())))
                .contains("\"lot\":\"L-EXPIRED-84\"", "\"expiryFlag\":\"EXPIRED\"");
        var written = post(mvc, "supplies1", "/api/supply/write-offs", json);
        assertThat(written).hasStatusOk();
        assertThat(body(written)).contains("\"writtenOff\":40");
        assertThat(body(get(mvc, "supplies1", "/api/supply/stock?item=" + lot.itemId())))
                .doesNotContain("L-EXPIRED-84");
        assertThat(post(mvc, "supplies1", "/api/supply/write-offs", json))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("supply.nothing_to_write_off");
        String forecast = body(get(mvc, "supplies1", "/api/supply/forecast?region=141029"));
        List<Number> rounds = JsonPath.read(forecast, "$.rows[?(@.itemName == '采样拭子（鼻咽）')].fullRounds");
        List<Number> onHand = JsonPath.read(forecast, "$.rows[?(@.itemName == '采样拭子（鼻咽）')].onHand");
        long population = ((Number) JsonPath.read(forecast, "$.population")).longValue();
        assertThat(rounds.getFirst().longValue()).isEqualTo(onHand.getFirst().longValue() / population);
        List<Number> cover = JsonPath.read(forecast, "$.rows[?(@.itemName == '采样拭子（鼻咽）')].daysOfCover");
        assertThat(cover.getFirst().doubleValue()).isPositive();
        assertThat(forecast).contains("混1");
        assertLedgerAgreesWithBalances();
    }
}
