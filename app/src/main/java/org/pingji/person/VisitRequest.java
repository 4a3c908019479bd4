package org.pingji.person;

import java.time.LocalDate;
import java.util.List;

/**
 * What a grid worker records at one household visit: the day, for each member of the household
 * whether they were found, away (外出), moved out (迁出) or have a new phone, and who moved in.
 * Members not listed were not found and keep their entries unchanged.
 */
record VisitRequest(LocalDate visitedOn, String note, List<Member> members, List<MovedIn> movedIn) {

    /** A member of the household as found on the visit. */
    record Member(Long personId, Boolean found, Boolean away, Boolean movedOut, String newPhone) {
        boolean isFound() {
            return Boolean.TRUE.equals(found);
        }

        boolean isAway() {
            return Boolean.TRUE.equals(away);
        }

        boolean isMovedOut() {
            return Boolean.TRUE.equals(movedOut);
        }
    }

    /**
     * A person who moved in: name and sex, and the resident ID — or, when they have none at hand,
     * birth date and phone.
     */
    record MovedIn(String name, String sex, String residentId, LocalDate birthDate, String phone) {}

    List<Member> membersOrEmpty() {
        return members == null ? List.of() : members;
    }

    List<MovedIn> movedInOrEmpty() {
        return movedIn == null ? List.of() : movedIn;
    }
}
