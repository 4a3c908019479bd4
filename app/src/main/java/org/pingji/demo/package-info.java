/**
 * The demo county: a deterministic generator of Xiangning County at the seed's scale (real
 * townships and villages, 1,189 micro-grids, 200,000 persons, 405 grid workers, places and
 * demo accounts), run on an empty database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo county")
package org.pingji.demo;
