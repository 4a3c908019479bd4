package org.pingji.companion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** How an uploaded ping file is stored for the job: by its first bytes, not only by its name. */
enum PingFormat {
    CSV("pings.csv"),
    CSV_GZIP("pings.csv.gz"),
    PARQUET("pings.parquet");

    private final String fileName;

    PingFormat(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }

    static PingFormat detect(Path file, String originalName) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return CSV_GZIP;
        }
        if (n == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            return PARQUET;
        }
        return CSV;
    }
}
