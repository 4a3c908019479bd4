package org.pingji.person;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The problems of one sheet row as they are found: each names the row, the column as the file
 * heads it and, where the ledger numbers its rows, the 序号 in the message.
 */
final class RowProblems {

    private final int number;
    private final String serial;
    private final List<ImportProblem> problems;
    private final UnaryOperator<String> header;
    private final int before;

    RowProblems(int number, String serial, List<ImportProblem> problems, UnaryOperator<String> header) {
        this.number = number;
        this.serial = serial;
        this.problems = problems;
        this.header = header;
        this.before = problems.size();
    }

    int number() {
        return number;
    }

    void add(String column, String value, String message) {
        String suffix = serial.isEmpty() ? "" : "（序号%s）".formatted(serial);
        problems.add(new ImportProblem(number, header.apply(column), value, message + suffix));
    }

    boolean any() {
        return problems.size() > before;
    }
}
