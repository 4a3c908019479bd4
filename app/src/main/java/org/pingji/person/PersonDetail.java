package org.pingji.person;

import java.time.Instant;
import java.time.LocalDate;

/** A person's ledger entry as staff see it: resident ID and phone masked. */
public record PersonDetail(
        long id,
        String name,
        String residentIdMasked,
        LocalDate birthDate,
        String sex,
        String phoneMasked,
        String microGridCode,
        Long householdId,
        ResidenceKind residence,
        Instant registeredAt) {}
