/**
 * Arrivals (来返报备): self-reported or recorded at checkpoints, matched against the risk
 * versions in force during the trip and the policy edition, turned into measures and grid
 * worker tasks; judged on read for the health status against the risk versions now known
 * (ADR 0012), and re-matched when risk areas change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Arrivals")
package org.pingji.arrival;
