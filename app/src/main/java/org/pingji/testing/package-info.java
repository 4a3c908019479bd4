/**
 * Mass pooled testing: rounds over an area, sampling tables and their samplers, tubes filled
 * by scans at the tables (group-committed, idempotent by client scan id), transport boxes with
 * chain of custody, lab results, recall of positive and invalid pools, live coverage, drills
 * and the pool-size planner.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Testing")
package org.pingji.testing;
