/**
 * Command (指挥调度): the normal/emergency mode switch with the second co-leader's confirmation,
 * emergency plans whose task groups get their first actions as tasks on activation, directives
 * sent down the hierarchy and acknowledged and completed per region, the county's daily report
 * rolled up the hierarchy, duty rosters and the duty log, drills, alerts, and the one-map
 * dashboard. Command reads the other modules through their facades and nothing depends on it:
 * modules contribute dashboard figures as {@link org.pingji.platform.CommandMetric} beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command")
package org.pingji.command;
