package org.pingji.grid;

/**
 * A region with its roll-up counts (kept current by the writers; reading them never scans
 * people). {@code sites} counts checkpoints, collection points, sampling tables, quarantine
 * sites and warehouses together.
 */
public record RegionSummary(
        String code,
        String name,
        RegionLevel level,
        String parentCode,
        long population,
        long households,
        long gridWorkers,
        long microGrids,
        long compounds,
        long shops,
        long venues,
        long sites) {}
