package org.pingji.person;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;

/**
 * The visit form's fields as a {@link VisitRequest}: {@code member} (each member's id),
 * {@code found} (ids ticked 在家), {@code change-<id>} ({@code AWAY} or {@code MOVED_OUT}),
 * {@code phone-<id>}, and per moved-in block {@code inName}, {@code inSex}, {@code inId},
 * {@code inBirth}, {@code inPhone} (blank blocks are skipped).
 */
final class VisitForms {

    private VisitForms() {}

    static VisitRequest parse(MultiValueMap<String, String> form) {
        List<String> found = form.getOrDefault("found", List.of());
        List<VisitRequest.Member> members = new ArrayList<>();
        for (String raw : form.getOrDefault("member", List.of())) {
            long id;
            try {
                id = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("member: 无效的人员编号 " + raw);
            }
            String change = form.getFirst("change-" + id);
            members.add(new VisitRequest.Member(
                    id,
                    found.contains(raw),
                    "AWAY".equals(change),
                    "MOVED_OUT".equals(change),
                    form.getFirst("phone-" + id)));
        }
        List<String> names = form.getOrDefault("inName", List.of());
        List<VisitRequest.MovedIn> movedIn = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = at(form, "inName", i), id = at(form, "inId", i), birth = at(form, "inBirth", i);
            String phone = at(form, "inPhone", i);
            if (name.isBlank() && id.isBlank() && birth.isBlank() && phone.isBlank()) {
                continue;
            }
            movedIn.add(new VisitRequest.MovedIn(name, at(form, "inSex", i), id, date(birth, "出生日期"), phone));
        }
        return new VisitRequest(date(form.getFirst("visitedOn"), "走访日期"), form.getFirst("note"), members, movedIn);
    }

    private static String at(MultiValueMap<String, String> form, String name, int i) {
        List<String> values = form.getOrDefault(name, List.of());
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    private static LocalDate date(String raw, String label) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("%s「%s」不是有效的日期".formatted(label, raw));
        }
    }
}
