package org.pingji.person;

/** A person to register; the resident ID and phone are plain and validated on registration. */
public record NewPerson(
        String name,
        String residentId,
        String phone,
        String microGridCode,
        Long householdId,
        ResidenceKind residence) {}
