package org.pingji.person;

import java.util.List;

/**
 * What an import did. With any problem nothing was written: {@code accepted} is 0 and
 * {@code rejected} counts the rows with problems. {@code errors} lists at most 1,000 problems;
 * {@code totalErrors} counts them all; {@code households} counts the households the imported
 * persons belong to (found or created).
 */
public record ImportResult(int accepted, int rejected, List<ImportProblem> errors, int totalErrors, int households) {}
