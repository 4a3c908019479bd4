/**
 * Publicity and public services (宣传): the "六个一" notices with approval, versions and read
 * receipts, village loudspeaker scripts and broadcast check-ins, the policy Q&A with Chinese
 * full-text search, trainings, venue reservations (预约、错峰、限流), the residents' portal and
 * the outbox of outbound messages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notice")
package org.pingji.notice;
