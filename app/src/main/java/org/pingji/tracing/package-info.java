/**
 * Tracing (流调): cases linked to persons with onset, confirmation, classification and source;
 * the investigation's deadlines (initial report 2 h, trajectory 4 h, preliminary report 24 h);
 * itineraries; close and secondary contacts, whose listing creates the placement the edition
 * requires; transmission chains per cluster; venue place codes and check-ins; exposure matching
 * of a case's itinerary against check-ins, reviewed as candidate contacts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tracing")
package org.pingji.tracing;
