package org.pingji.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A longitude/latitude rectangle, split into cells to draw simple demo boundaries. */
record Rect(double west, double south, double east, double north) {

    /** Splits into {@code n} cells in rows of near-square shape; the last row is stretched. */
    List<Rect> split(int n) {
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (int) Math.ceil((double) n / cols);
        double h = (north - south) / rows;
        List<Rect> cells = new ArrayList<>(n);
        for (int r = 0; r < rows; r++) {
            int inRow = Math.min(cols, n - r * cols);
            double w = (east - west) / inRow;
            double top = north - r * h;
            for (int c = 0; c < inRow; c++) {
                cells.add(new Rect(west + c * w, top - h, west + (c + 1) * w, top));
            }
        }
        return cells;
    }

    /** A GeoJSON Polygon geometry (counter-clockwise outer ring). */
    String geoJson() {
        return String.format(
                Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f]]]}",
                west,
                south,
                east,
                south,
                east,
                north,
                west,
                north,
                west,
                south);
    }
}
