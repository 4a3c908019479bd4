package org.pingji.person;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of a ledger file row by row, whatever Chinese offices save it as:
 * {@code .xlsx} (recognised by its ZIP signature), {@code .xls} of Excel 97–2003 or WPS (OLE2
 * signature) and otherwise CSV, decoded as UTF-8 when the bytes are valid UTF-8 (with or without
 * a byte-order mark) and as GBK (GB 18030, its superset) when not — what Chinese Excel writes.
 * Row numbers are the ones Excel shows (1-based).
 */
final class LedgerSheets {

    /** One row of the sheet: its number as Excel shows it and the text of its cells. */
    record SheetRow(int number, List<String> cells) {
        static final SheetRow END = new SheetRow(-1, List.of());
    }

    /** Receives rows in sheet order. */
    interface Sink {
        void accept(SheetRow row) throws InterruptedException;
    }

    /** The file formats a ledger arrives in. */
    enum Format {
        XLSX,
        XLS,
        CSV
    }

    private static final Charset GBK = Charset.forName("GB18030");

    private LedgerSheets() {}

    static Format detect(Path file) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Format.XLSX;
        }
        if (n == 4
                && (head[0] & 0xff) == 0xD0
                && (head[1] & 0xff) == 0xCF
                && head[2] == 0x11
                && (head[3] & 0xff) == 0xE0) {
            return Format.XLS;
        }
        return Format.CSV;
    }

    /** Streams every row of the file's first sheet into the sink. */
    static void read(Path file, Sink sink) throws IOException, InterruptedException {
        switch (detect(file)) {
            case XLSX -> readXlsx(file, sink);
            case XLS -> XlsSheet.read(file, sink);
            case CSV -> readCsv(file, sink);
        }
    }

    private static void readXlsx(Path file, Sink sink) throws IOException, InterruptedException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
                Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            var it = stream.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(
                            row.hasCell(i) && row.getCell(i) != null
                                    ? row.getCell(i).getText()
                                    : "");
                }
                sink.accept(new SheetRow(row.getRowNum(), cells));
            }
        }
    }

    private static void readCsv(Path file, Sink sink) throws IOException, InterruptedException {
        String text = decode(Files.readAllBytes(file));
        CSVFormat format =
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        int number = 0;
        for (CSVRecord record : format.parse(new StringReader(text))) {
            number++;
            List<String> cells = new ArrayList<>(record.size());
            record.forEach(cells::add);
            sink.accept(new SheetRow(number, cells));
        }
    }

    /** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else GBK. */
    static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, GBK);
        }
    }
}
