/**
 * Supervision (督查): the entities to supervise (shops, markets, pharmacies, venues, checkpoints,
 * collection points, quarantine sites) in zones, inspection groups with their members and lists
 * (任务清单、责任清单、时限清单), versioned checklists per category, plans with reproducible
 * 双随机 draws, inspections on a phone, findings up the escalation ladder (rectification,
 * re-inspection, 约谈, 督办函, closure) and reopening after a commitment, inspections of the
 * county's own staff, patrols of key spots, and the published results and statistics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspection")
package org.pingji.inspection;
