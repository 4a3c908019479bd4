package org.pingji.person;

/**
 * A console import as its page shows it: phase (READING, CHECKING, WRITING, DONE), rows read,
 * an approximate percentage and, once done, the result.
 */
public record ImportProgress(String id, String phase, int rowsRead, int percent, ImportResult result) {

    public boolean done() {
        return result != null;
    }
}
