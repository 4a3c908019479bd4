package org.pingji.person;

/** No person with the id inside the caller's jurisdiction (HTTP 404; outside is not revealed). */
public class PersonNotFound extends RuntimeException {
    public PersonNotFound(long id) {
        super("No person %d in your jurisdiction".formatted(id));
    }
}
