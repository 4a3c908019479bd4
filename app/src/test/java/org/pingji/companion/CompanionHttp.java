package org.pingji.companion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pingji.TestHttp;

/** Real HTTP multipart requests against the test server (the upload path exactly as a client sends it). */
final class CompanionHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final int port;

    CompanionHttp(int port) {
        this.port = port;
    }

    /** Parts by name: a {@code byte[]} goes as a file ({@code name.csv}), a String as a JSON field. */
    HttpResponse<String> multipart(String user, String path, Map<String, Object> parts)
            throws IOException, InterruptedException {
        String boundary = "pingji-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Object> p : parts.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (p.getValue() instanceof byte[] bytes) {
                body.writeBytes(("Content-Disposition: form-data; name=\"%s\"; filename=\"%s.csv\"\r\n"
                                + "Content-Type: text/csv\r\n\r\n")
                        .formatted(p.getKey(), p.getKey())
                        .getBytes(StandardCharsets.UTF_8));
                body.writeBytes(bytes);
            } else {
                body.writeBytes(("Content-Disposition: form-data; name=\"%s\"\r\nContent-Type: application/json\r\n\r\n"
                                + p.getValue())
                        .formatted(p.getKey())
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d%s".formatted(port, path)))
                .header("Authorization", TestHttp.basic(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Map<String, Object> parts(Object pings, String request) {
        Map<String, Object> parts = new LinkedHashMap<>();
        if (pings != null) {
            parts.put("pings", pings);
        }
        if (request != null) {
            parts.put("request", request);
        }
        return parts;
    }
}
