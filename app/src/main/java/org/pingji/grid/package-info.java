/**
 * The five-level grid (county, township, village/community, grid, micro-grid), places in
 * micro-grids (households, compounds, shops, venues and sites), grid workers and the
 * roll-up counts per region.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grid")
package org.pingji.grid;
