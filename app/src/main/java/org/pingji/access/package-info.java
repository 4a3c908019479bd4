/**
 * Users, roles, jurisdictions (a region subtree), login, API tokens and the audit log of
 * personal-data access. Other modules receive the authenticated {@link org.pingji.access.Caller}
 * as a controller argument and pass it to every query that lists people.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.pingji.access;
