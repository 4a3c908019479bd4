package org.pingji.person;

/**
 * One problem in an imported ledger: the Excel row number as the user sees it, the column's
 * Chinese header, the value (resident IDs masked) and what is wrong.
 */
public record ImportProblem(int row, String column, String value, String message) {}
