package org.pingji.testing;

import java.util.List;

/** A sampling table opened for a round, with its collection point and assigned samplers. */
public record TableView(
        long id,
        String name,
        long collectionPointId,
        String collectionPoint,
        String microGridCode,
        List<String> samplers) {}
