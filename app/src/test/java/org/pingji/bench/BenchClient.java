package org.pingji.bench;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/** A small HTTP client for benchmarks against a running Pingji (API tokens, JSON). */
final class BenchClient {

    final String base;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BenchClient(String base) {
        this.base = base;
    }

    record Response(int status, String body) {}

    Response send(String method, String path, String auth, String json) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", auth);
        if (json != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.body());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String token(String user, String password) throws Exception {
        var r = send("POST", "/api/tokens", basic(user, password), "{\"name\":\"benchmark\"}");
        if (r.status() != 201) {
            throw new IllegalStateException("token for " + user + ": " + r.status() + " " + r.body());
        }
        return "Bearer " + JsonPath.read(r.body(), "$.token");
    }

    /** p50/p95/p99/max of latencies in microseconds. */
    static String percentiles(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return "n=0";
        }
        return "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms"
                .formatted(
                        sorted.length,
                        sorted[sorted.length / 2] / 1000.0,
                        sorted[(int) (sorted.length * 0.95)] / 1000.0,
                        sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1000.0,
                        sorted[sorted.length - 1] / 1000.0);
    }
}
