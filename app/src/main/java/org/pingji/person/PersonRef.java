package org.pingji.person;

/** A person as other modules need them: id, name and where they live. */
public record PersonRef(long id, String name, String microGridCode, String path) {}
