/**
 * The population ledger: persons, household membership, resident-ID validation, masking and
 * keyed hashing, and Excel import/export of ledgers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Person")
package org.pingji.person;
