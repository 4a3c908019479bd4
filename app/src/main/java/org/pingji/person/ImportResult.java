package org.pingji.person;

import java.util.List;

/**
 * What an import did. In the default mode any problem means nothing was written: {@code accepted}
 * is 0 and {@code rejected} counts the rows with problems. With {@link ImportMode#GOOD_ROWS} the
 * good rows are written and the bad ones can be downloaded from {@code errorFile} as a workbook
 * with a 错误原因 column. {@code errors} lists at most 1,000 problems; {@code totalErrors} counts
 * them all; {@code households} counts the households the imported persons belong to (found or
 * created), {@code unassignedHouseholds} those of them waiting for a micro-grid (an import into a
 * region above micro-grid level); {@code ignoredColumns} are the file's headers we do not know.
 */
public record ImportResult(
        int accepted,
        int rejected,
        List<ImportProblem> errors,
        int totalErrors,
        int households,
        int unassignedHouseholds,
        List<String> ignoredColumns,
        String errorFile) {

    static ImportResult failed(ImportProblem problem) {
        return new ImportResult(0, 0, List.of(problem), 1, 0, 0, List.of(), null);
    }
}
