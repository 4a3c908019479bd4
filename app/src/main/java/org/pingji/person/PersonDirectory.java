package org.pingji.person;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pingji.access.Caller;
import org.pingji.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Batch lookups of persons for other modules' hot paths (sample scans, rosters): one query per
 * batch, never one per person.
 */
@Service
public class PersonDirectory {

    private final JdbcClient jdbc;
    private final PersonalDataVault vault;

    PersonDirectory(JdbcClient jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** The persons with these ids that exist. */
    public Map<Long, PersonRef> byIds(Collection<Long> ids) {
        Map<Long, PersonRef> found = new HashMap<>(ids.size() * 2);
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, name, micro_grid_code, path from person.persons where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    found.put(
                            rs.getLong(1),
                            new PersonRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return found;
    }

    /**
     * The persons with these resident IDs (upper-case, trimmed; invalid ones simply match
     * nothing), keyed by the ID as given.
     */
    public Map<String, PersonRef> byResidentIds(Collection<String> residentIds) {
        Map<String, PersonRef> found = new HashMap<>(residentIds.size() * 2);
        if (residentIds.isEmpty()) {
            return found;
        }
        Map<String, String> idByHashHex = new HashMap<>(residentIds.size() * 2);
        List<byte[]> hashes = residentIds.stream()
                .map(id -> {
                    byte[] hash = vault.hash(id.trim().toUpperCase(Locale.ROOT));
                    idByHashHex.put(java.util.HexFormat.of().formatHex(hash), id);
                    return hash;
                })
                .toList();
        jdbc.sql("select id, name, micro_grid_code, path, id_hash from person.persons where id_hash = any(?)")
                .param(hashes.toArray(byte[][]::new))
                .query(rs -> {
                    String given = idByHashHex.get(java.util.HexFormat.of().formatHex(rs.getBytes(5)));
                    found.put(given, new PersonRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return found;
    }

    /** Everyone living in a region inside the caller's jurisdiction, ordered by micro-grid and id. */
    public List<PersonRef> inRegion(Caller caller, String regionPath, int limit) {
        caller.require(Permission.LEDGER_READ);
        caller.requireCovers(regionPath, "区域 " + regionPath);
        return jdbc.sql(
                        "select id, name, micro_grid_code, path from person.persons where path like ? and merged_into is null"
                                + " order by path, id limit ?")
                .params(regionPath + "%", limit)
                .query((rs, n) -> new PersonRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The first person (lowest id) registered in a micro-grid, if any; unscoped (set-up and demo). */
    public java.util.Optional<PersonRef> firstIn(String microGridCode) {
        return jdbc.sql(
                        "select id, name, micro_grid_code, path from person.persons where micro_grid_code = ? and merged_into is null"
                                + " order by id limit 1")
                .param(microGridCode)
                .query((rs, n) -> new PersonRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** A deterministic sample of person ids (demo and benchmarks). */
    public List<Long> sampleIds(int n, long seed) {
        return jdbc.sql("select id from person.persons where merged_into is null order by md5(id::text || ?) limit ?")
                .params(String.valueOf(seed), n)
                .query(Long.class)
                .list();
    }

    /** A person's name and resident ID masked, to show beside their code so that a checker can match the two. */
    public record MaskedIdentity(String name, String residentId) {}

    /** The person's masked identity (张**, 1410**********1234), if the person exists; unscoped. */
    public java.util.Optional<MaskedIdentity> maskedIdentity(long personId) {
        return jdbc.sql("select name, id_masked from person.persons where id = ?")
                .param(personId)
                .query((rs, n) -> new MaskedIdentity(maskName(rs.getString(1)), rs.getString(2)))
                .optional();
    }

    /** A name with all but its first character hidden (张三 → 张*). */
    public static String maskName(String name) {
        return name.isEmpty()
                ? name
                : name.charAt(0) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }
}
