/**
 * Shared infrastructure every module may use: the embedded PostgreSQL, the global error
 * page, locale handling and the common web layout model.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.pingji.platform;
