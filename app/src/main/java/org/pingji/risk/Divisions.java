package org.pingji.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * China's statistical division codes (province 2, city 4, county 6, township 9 digits; villages
 * of Shanxi 12 digits) loaded once from the bundled CSV files, indexed by parent for name lookup.
 */
@Component
public class Divisions {

    /** Levels of the division tree. */
    public enum Level {
        PROVINCE,
        CITY,
        COUNTY,
        TOWNSHIP,
        VILLAGE
    }

    /** One division: code, name as published, level, parent code (empty for provinces). */
    public record Division(String code, String name, Level level, String parentCode) {}

    private final Map<String, Division> byCode = new HashMap<>();
    private final Map<String, List<Division>> childrenByParent = new HashMap<>();
    private final List<Division> provinces = new ArrayList<>();

    Divisions() {
        load("provinces.csv", Level.PROVINCE, -1);
        load("cities.csv", Level.CITY, 2);
        load("areas.csv", Level.COUNTY, 2);
        load("streets.csv", Level.TOWNSHIP, 2);
        load("villages-shanxi.csv", Level.VILLAGE, 2);
    }

    private void load(String file, Level level, int parentColumn) {
        try (InputStream in = Divisions.class.getResourceAsStream("/divisions/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Division file missing from the classpath: " + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cols = line.split(",");
                String code = cols[0].strip();
                String name = cols[1].strip().replace("\"", "");
                // Every file but provinces.csv names the parent in its third column.
                String parent = parentColumn < 0 ? "" : cols[parentColumn].strip();
                Division d = new Division(code, name, level, parent);
                byCode.put(code, d);
                if (level == Level.PROVINCE) {
                    provinces.add(d);
                } else {
                    childrenByParent
                            .computeIfAbsent(parent, k -> new ArrayList<>())
                            .add(d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Division> get(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<Division> provinces() {
        return provinces;
    }

    public List<Division> children(String parentCode) {
        return childrenByParent.getOrDefault(parentCode, List.of());
    }

    /** The division and its ancestors' names joined, e.g. 山西省临汾市乡宁县昌宁镇. */
    public String fullName(String code) {
        StringBuilder sb = new StringBuilder();
        Division d = byCode.get(code);
        while (d != null) {
            if (!d.name().equals("市辖区") && !d.name().equals("县") && !d.name().contains("直辖")) {
                sb.insert(0, d.name());
            }
            d = d.parentCode().isEmpty() ? null : byCode.get(d.parentCode());
        }
        return sb.toString();
    }

    /** The province (2-digit) code of a division code. */
    public static String provinceOf(String code) {
        return code.length() >= 2 ? code.substring(0, 2) : code;
    }

    /** The county (6-digit) code of a division code at county level or below, else empty. */
    public static String countyOf(String code) {
        return code.length() >= 6 ? code.substring(0, 6) : "";
    }

    int size() {
        return byCode.size();
    }
}
