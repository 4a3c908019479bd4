package org.pingji.grid;

/** A place as listed: its kind, name, address, category and micro-grid. */
public record PlaceView(long id, PlaceKind kind, String name, String address, String category, String microGridCode) {}
