/**
 * Risk areas: the high, medium and low areas as published, resolved to division codes as deep
 * as the text allows, with every change kept as a dated version; official notice import with
 * preview, Excel import and manual editing; China's division codes for address resolution.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk areas")
package org.pingji.risk;
