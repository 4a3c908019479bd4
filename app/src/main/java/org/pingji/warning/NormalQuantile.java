package org.pingji.warning;

import org.apache.commons.math3.special.Erf;

/** The standard normal quantile {@code qnorm(1 - alpha)} as R gives it (to a few ulps). */
final class NormalQuantile {

    private static final double SQRT2 = Math.sqrt(2);

    private NormalQuantile() {}

    /**
     * {@code z} with {@code P(Z > z) = alpha}: Giles' erfinv as a start, then Newton steps on the
     * upper tail {@code erfc(z/√2)/2 = alpha} (accurate for small alpha, where {@code 1 - alpha}
     * would lose digits).
     */
    static double upper(double alpha) {
        double z = SQRT2 * Erf.erfInv(1 - 2 * alpha);
        for (int i = 0; i < 3; i++) {
            double tail = 0.5 * Erf.erfc(z / SQRT2);
            double density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            if (density == 0) {
                break;
            }
            z += (tail - alpha) / density;
        }
        return z;
    }
}
