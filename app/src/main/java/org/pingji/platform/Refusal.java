package org.pingji.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An expected refusal a user can act on, thrown by a facade: its {@link Kind} decides the HTTP
 * status, its {@link #code()} is stable for machines (such as {@code person.not_found}), its
 * message is Chinese and written for people. Module exceptions extend it and the one advice in
 * {@code platform} answers them ({@code {"code", "error", "message", ...extras}} under
 * {@code /api/**}, the error page elsewhere).
 */
public abstract class Refusal extends RuntimeException {

    /** What kind of refusal, and so which HTTP status. */
    public enum Kind {
        /** Bad input the user can correct: 400. */
        INVALID(400, "invalid"),
        /** The role lacks the permission: 403. */
        FORBIDDEN(403, "forbidden"),
        /** Nonexistent or outside the caller's jurisdiction (not told apart): 404. */
        NOT_FOUND(404, "not_found"),
        /** Contradicts what is recorded: 409. */
        CONFLICT(409, "conflict"),
        /** Overloaded for a moment, retry after a second: 503 with Retry-After. */
        BUSY(503, "busy"),
        /** A part the request needs is not available: 503. */
        UNAVAILABLE(503, "unavailable");

        private final int status;
        private final String error;

        Kind(int status, String error) {
            this.status = status;
            this.error = error;
        }

        public int status() {
            return status;
        }

        /** The coarse {@code error} field of the JSON answer. */
        public String error() {
            return error;
        }
    }

    private final Kind kind;
    private final String code;
    private final Map<String, Object> extras;

    protected Refusal(Kind kind, String code, String message) {
        this(kind, code, message, Map.of());
    }

    protected Refusal(Kind kind, String code, String message, Map<String, ?> extras) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.extras = new LinkedHashMap<>(extras);
    }

    public Kind kind() {
        return kind;
    }

    /** Stable machine code, {@code module.reason}. */
    public String code() {
        return code;
    }

    /** Further fields of the JSON answer (for example the unmet release criteria). */
    public Map<String, Object> extras() {
        return Collections.unmodifiableMap(extras);
    }
}
