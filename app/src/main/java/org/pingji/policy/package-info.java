/**
 * Prevention policy editions as effective-dated data: measures per origin and exposure, days of
 * travel history, test validity at checkpoints, allowed pool sizes and the companion definition.
 * Every decision elsewhere records the edition (code and revision) it used.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy")
package org.pingji.policy;
