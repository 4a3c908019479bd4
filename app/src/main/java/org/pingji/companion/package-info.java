/**
 * Spatiotemporal companion detection (时空伴随): an epidemiologist uploads location pings and case phones, the
 * Spark job of the {@code analytics} Maven module finds the phones that shared an 800 m cell with a case phone
 * for more than 10 minutes, the platform maps them to persons and hands each known person to the grid worker
 * of their micro-grid for follow-up (locate, two tests, clear or escalate).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Companion")
package org.pingji.companion;
