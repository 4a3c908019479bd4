package org.pingji.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pingji.person.ResidentId;

/**
 * Imports a generated ledger of {@code pingji.bench.rows} persons (default 200,000) through
 * {@code POST /api/imports/persons} of a running Pingji and reports persons/s, end to end
 * (upload, streaming read, validation, duplicate check, COPY, commit).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "pingji.bench", matches = "true")
class LedgerImportBenchmark {

    final BenchClient client = new BenchClient(System.getProperty("pingji.bench.url", "http://127.0.0.1:18080"));
    final int rows = Integer.getInteger("pingji.bench.rows", 200_000);

    @Test
    void importALargeLedger() throws Exception {
        String commander = client.token("commander", "demo");
        List<String> grids = JsonPath.read(
                client.send("GET", "/api/regions/14102910000101/children", commander, null)
                        .body(),
                "$[*].code");
        Path file = Files.createTempFile("pingji-bench-ledger", ".xlsx");
        SplittableRandom random = new SplittableRandom(System.nanoTime());
        // A division prefix of its own per run (IDs are checked for their check digit and birth date,
        // not for the division), so that repeated runs never collide with earlier imports.
        String division = "5%05d".formatted(random.nextInt(100_000));
        Set<String> ids = new HashSet<>();
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "bench", "1.0");
            Worksheet ws = wb.newWorksheet("台账");
            ws.value(0, 0, "压测人口台账");
            ws.range(0, 0, 0, 6).merge();
            String[] header = {"姓名*", "身份证号*", "手机号", "微网格编码*", "户编号*", "住址", "居住类型"};
            for (int c = 0; c < header.length; c++) {
                ws.value(1, c, header[c]);
            }
            for (int r = 0; r < rows; r++) {
                String id;
                do {
                    String first = division
                            + "%04d%02d%02d%03d"
                                    .formatted(
                                            1930 + random.nextInt(90),
                                            1 + random.nextInt(12),
                                            1 + random.nextInt(28),
                                            random.nextInt(1000));
                    id = first + ResidentId.checkCharacter(first);
                } while (!ids.add(id));
                int row = r + 2;
                ws.value(row, 0, "压测" + r);
                ws.value(row, 1, id);
                ws.value(row, 2, "139%08d".formatted(random.nextInt(100_000_000)));
                ws.value(row, 3, grids.get((r / 3) % grids.size()));
                ws.value(row, 4, "B" + (r / 3));
                ws.value(row, 5, "压测小区" + (r / 3) + "号");
                ws.value(row, 6, "暂住人口");
                if (r % 10_000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
        System.out.printf("BENCH ledger file: %d rows, %.1f MB%n", rows, Files.size(file) / 1e6);
        long t0 = System.nanoTime();
        var response = client.http.send(
                HttpRequest.newBuilder(URI.create(client.base + "/api/imports/persons"))
                        .header("Authorization", commander)
                        .header("Content-Type", "multipart/form-data; boundary=BENCH")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(Files.readAllBytes(file))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.deleteIfExists(file);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Number accepted = JsonPath.read(response.body(), "$.accepted");
        System.out.printf(
                "BENCH ledger import: %d persons in %.2f s = %.0f persons/s (HTTP %d)%n",
                accepted.intValue(), seconds, accepted.intValue() / seconds, response.statusCode());
    }

    private static byte[] multipart(byte[] content) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--BENCH\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ledger.xlsx\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n--BENCH--\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
