package org.pingji.person;

import org.pingji.platform.Refusal;

/** No person with the id inside the caller's jurisdiction (HTTP 404; outside is not revealed). */
public class PersonNotFound extends Refusal {
    public PersonNotFound(long id) {
        super(Kind.NOT_FOUND, "person.not_found", "您的辖区内没有编号为 %d 的人员".formatted(id));
    }
}
