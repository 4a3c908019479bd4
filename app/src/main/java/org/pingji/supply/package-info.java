/**
 * Supplies (物资保障): the catalogue of prevention supplies, warehouses at county, township and
 * village level with stock by lot, an immutable stock ledger with balances kept in step,
 * first-expired-first-out issues and expiry flags, supply-guarantee enterprises and their
 * call-ups, requisitions from request to receipt, stock counts, and the forecast of days of cover.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supply")
package org.pingji.supply;
