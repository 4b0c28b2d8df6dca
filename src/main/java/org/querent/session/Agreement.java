package org.querent.session;

import java.util.HashMap;
import java.util.Map;

/** Agreement between two raters (here: two model versions) labelling the same items. */
public final class Agreement {
    private Agreement() {
    }

    /**
     * Cohen's kappa: (observed agreement - chance agreement) / (1 - chance agreement), where chance agreement
     * is the sum over categories of the product of the two raters' shares. When chance agreement is 1 (both
     * raters always give the same single category) kappa is 1 if they agree everywhere.
     */
    public static double cohensKappa(String[] a, String[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("kappa needs two equally long, non-empty rows: received a.length="
                    + a.length + ", b.length=" + b.length);
        }
        int n = a.length;
        int agree = 0;
        Map<String, Integer> countA = new HashMap<>();
        Map<String, Integer> countB = new HashMap<>();
        for (int i = 0; i < n; i++) {
            agree += a[i].equals(b[i]) ? 1 : 0;
            countA.merge(a[i], 1, Integer::sum);
            countB.merge(b[i], 1, Integer::sum);
        }
        double observed = agree / (double) n;
        double chance = 0;
        for (Map.Entry<String, Integer> e : countA.entrySet()) {
            chance += e.getValue() / (double) n * countB.getOrDefault(e.getKey(), 0) / n;
        }
        if (chance >= 1 - 1e-12) {
            return observed >= 1 - 1e-12 ? 1.0 : 0.0;
        }
        return (observed - chance) / (1 - chance);
    }
}
