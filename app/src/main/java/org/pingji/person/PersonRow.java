package org.pingji.person;

/** A person as listed in a ledger page: resident ID and phone masked. */
public record PersonRow(
        long id,
        String name,
        String residentIdMasked,
        String sex,
        int birthYear,
        String phoneMasked,
        String microGridCode,
        Long householdId,
        ResidenceKind residence) {}
