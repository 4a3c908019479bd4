/**
 * Early warning (监测预警): daily signal streams per region (pharmacy sales by drug class,
 * fever-clinic visits, school absenteeism, and counts the platform already has), aberration
 * detection behind one detector interface (CDC EARS C1–C3 as R {@code surveillance::earsC}
 * computes them, the CIDARS moving percentile, fixed thresholds), signals answered by the duty
 * officer, sensors over MQTT with thresholds, stale and fault alarms, crowd flow, and alarms
 * escalated along the duty roster ({@link org.pingji.platform.DutyRoster}). The platform observes
 * and records: it never sits in a safety interlock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Warning")
package org.pingji.warning;
