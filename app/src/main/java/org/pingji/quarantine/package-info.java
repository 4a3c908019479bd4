/**
 * Quarantine (隔离): central sites with rooms and staff, placements (central or at home) whose
 * planned end and release criteria come from the policy edition, room assignment and occupancy,
 * release (criteria met, or an override with a reason and a second approver), twice-daily
 * temperature and symptom checks with fever referral, missed-check escalation and door-sensor
 * events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quarantine")
package org.pingji.quarantine;
