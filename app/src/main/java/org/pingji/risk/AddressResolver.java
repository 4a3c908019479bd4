package org.pingji.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pingji.risk.Divisions.Division;
import org.pingji.risk.Divisions.Level;
import org.springframework.stereotype.Component;

/**
 * Resolves a published address ("江苏省常州市武进区湖塘镇张家村…") to the deepest division code the
 * text allows, reading province, city, county, township and village names in that order. Notices
 * list areas after the first without repeating the province (and often the city): the context of
 * the previous area fills in what an area leaves out.
 */
@Component
public class AddressResolver {

    /** What the previous area of the same list established. */
    public record Context(String provinceCode, String cityCode, String countyCode) {
        public static final Context EMPTY = new Context(null, null, null);
    }

    /**
     * The outcome: the deepest code (empty when nothing matched), the number of leading
     * characters that were division names, and the context for the next area.
     */
    public record Resolution(String code, Level level, int matched, boolean inherited, Context next) {
        public boolean resolved() {
            return !code.isEmpty();
        }
    }

    private record Variant(String text, Division division) {}

    private static final String[] PROVINCE_SUFFIXES = {"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"};
    private static final String[] CITY_SUFFIXES = {"自治州", "地区", "市", "盟"};
    private static final String[] COUNTY_SUFFIXES = {"自治县", "区", "县", "市", "旗"};
    private static final String[] TOWNSHIP_SUFFIXES = {"街道办事处", "地区办事处", "街道", "镇", "乡", "街"};
    private static final String[] VILLAGE_SUFFIXES = {"居民委员会", "村民委员会", "居委会", "村委会", "委员会"};

    private final Divisions divisions;
    private final Map<String, List<Variant>> variantsByParent = new ConcurrentHashMap<>();
    private final List<Variant> provinceVariants;
    private final Map<Character, List<Variant>> citiesByFirst = new HashMap<>();
    private final Map<Character, List<Variant>> countiesByFirst = new HashMap<>();
    private final Map<String, List<Variant>> countiesByProvince = new HashMap<>();

    AddressResolver(Divisions divisions) {
        this.divisions = divisions;
        this.provinceVariants = variants(divisions.provinces());
        for (Division p : divisions.provinces()) {
            List<Variant> counties = new ArrayList<>();
            for (Division c : divisions.children(p.code())) {
                for (Variant v : variants(List.of(c))) {
                    citiesByFirst
                            .computeIfAbsent(v.text().charAt(0), k -> new ArrayList<>())
                            .add(v);
                }
                List<Variant> cv = variants(divisions.children(c.code()));
                counties.addAll(cv);
                for (Variant v : cv) {
                    countiesByFirst
                            .computeIfAbsent(v.text().charAt(0), k -> new ArrayList<>())
                            .add(v);
                }
            }
            counties.sort(LONGEST_FIRST);
            countiesByProvince.put(p.code(), counties);
        }
        citiesByFirst.values().forEach(l -> l.sort(LONGEST_FIRST));
        countiesByFirst.values().forEach(l -> l.sort(LONGEST_FIRST));
    }

    private static final Comparator<Variant> LONGEST_FIRST =
            Comparator.comparingInt((Variant v) -> v.text().length()).reversed();

    /** Resolves one area's text in the context of the previous area of its list. */
    public Resolution resolve(String text, Context context) {
        int pos = 0;
        Division province = null;
        Division city = null;
        Division county = null;
        Division township = null;
        Division village = null;

        Variant v = longest(provinceVariants, text, pos);
        if (v != null) {
            province = v.division();
            pos = consume(text, pos, v);
        }
        String provinceCode = province != null ? province.code() : context.provinceCode();
        v = provinceCode != null ? longest(children(provinceCode), text, pos) : unique(citiesByFirst, text, pos);
        if (v != null) {
            city = v.division();
            pos = consume(text, pos, v);
            provinceCode = city.parentCode();
        }
        String cityCode = city != null ? city.code() : (province != null ? null : context.cityCode());
        if (cityCode != null) {
            v = longest(children(cityCode), text, pos);
        } else {
            v = null;
        }
        if (v == null && provinceCode != null) {
            v = uniqueIn(countiesByProvince.getOrDefault(provinceCode, List.of()), text, pos);
        }
        if (v == null && provinceCode == null) {
            v = unique(countiesByFirst, text, pos);
        }
        if (v != null) {
            county = v.division();
            pos = consume(text, pos, v);
            cityCode = county.parentCode();
            provinceCode = Divisions.provinceOf(county.code());
        }
        if (county != null) {
            v = longest(children(county.code()), text, pos);
            if (v != null) {
                township = v.division();
                pos = consume(text, pos, v);
                v = longest(children(township.code()), text, pos);
                if (v != null) {
                    village = v.division();
                    pos = consume(text, pos, v);
                }
            }
        }
        Division deepest = village != null
                ? village
                : township != null ? township : county != null ? county : city != null ? city : province;
        if (deepest != null) {
            String countyCode = county != null ? county.code() : null;
            return new Resolution(
                    deepest.code(), deepest.level(), pos, false, new Context(provinceCode, cityCode, countyCode));
        }
        // Nothing named: the area continues the previous one's county (or city, or province).
        String inherited = context.countyCode() != null
                ? context.countyCode()
                : context.cityCode() != null ? context.cityCode() : context.provinceCode();
        if (inherited == null) {
            return new Resolution("", null, 0, false, context);
        }
        return new Resolution(
                inherited, divisions.get(inherited).map(Division::level).orElse(null), 0, true, context);
    }

    /** The full name of a division code, e.g. 山西省临汾市乡宁县昌宁镇. */
    public String fullName(String code) {
        return divisions.fullName(code);
    }

    private List<Variant> children(String parentCode) {
        return variantsByParent.computeIfAbsent(parentCode, p -> {
            List<Variant> list = variants(divisions.children(p));
            list.sort(LONGEST_FIRST);
            return list;
        });
    }

    /** After a short name ("西营门"), a following suffix character of the level is consumed too. */
    private static int consume(String text, int pos, Variant v) {
        int end = pos + v.text().length();
        String full = v.division().name();
        if (!full.equals(v.text()) && text.startsWith(full.substring(v.text().length()), end)) {
            return pos + full.length();
        }
        for (String suffix : suffixes(v.division().level())) {
            if (v.text().length() < full.length() && text.startsWith(suffix, end)) {
                return end + suffix.length();
            }
        }
        return end;
    }

    private static Variant longest(List<Variant> candidates, String text, int pos) {
        for (Variant v : candidates) {
            if (text.startsWith(v.text(), pos)) {
                return v;
            }
        }
        return null;
    }

    private static Variant uniqueIn(List<Variant> candidates, String text, int pos) {
        Variant found = null;
        for (Variant v : candidates) {
            if (text.startsWith(v.text(), pos)) {
                if (found == null) {
                    found = v;
                } else if (found.text().length() == v.text().length() && found.division() != v.division()) {
                    return null; // two divisions of the same name: not resolvable without context
                } else {
                    break;
                }
            }
        }
        return found;
    }

    private static Variant unique(Map<Character, List<Variant>> index, String text, int pos) {
        if (pos >= text.length()) {
            return null;
        }
        return uniqueIn(index.getOrDefault(text.charAt(pos), List.of()), text, pos);
    }

    private static List<Variant> variants(List<Division> list) {
        List<Variant> out = new ArrayList<>();
        for (Division d : list) {
            String name = d.name();
            if (name.equals("市辖区") || name.equals("县") || name.contains("直辖")) {
                continue;
            }
            out.add(new Variant(name, d));
            for (String suffix : suffixes(d.level())) {
                if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                    out.add(new Variant(name.substring(0, name.length() - suffix.length()), d));
                    break;
                }
            }
        }
        return out;
    }

    private static String[] suffixes(Level level) {
        return switch (level) {
            case PROVINCE -> PROVINCE_SUFFIXES;
            case CITY -> CITY_SUFFIXES;
            case COUNTY -> COUNTY_SUFFIXES;
            case TOWNSHIP -> TOWNSHIP_SUFFIXES;
            case VILLAGE -> VILLAGE_SUFFIXES;
        };
    }
}
