package org.querent.session;

/**
 * A share of successes with its Wilson score 95% interval, which stays inside [0, 1] and behaves with few
 * trials and shares near 0 or 1, where the normal approximation does not.
 *
 * @param successes how many were right
 * @param trials    how many were counted
 * @param low       lower bound of the 95% interval (NaN without trials)
 * @param high      upper bound of the 95% interval (NaN without trials)
 */
public record Proportion(int successes, int trials, double low, double high) {
    private static final double Z = 1.959963984540054;

    public static Proportion wilson(int successes, int trials) {
        if (trials <= 0) {
            return new Proportion(0, 0, Double.NaN, Double.NaN);
        }
        double p = successes / (double) trials;
        double z2 = Z * Z;
        double denominator = 1 + z2 / trials;
        double centre = (p + z2 / (2.0 * trials)) / denominator;
        double half = Z / denominator * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials));
        return new Proportion(successes, trials, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** successes / trials, NaN without trials. */
    public double value() {
        return trials == 0 ? Double.NaN : successes / (double) trials;
    }

    /** "0.800 [0.490, 0.943], n=10". */
    public String format() {
        return trials == 0 ? "n=0" : String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f], n=%d", value(), low, high, trials);
    }
}
