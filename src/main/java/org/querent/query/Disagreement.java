package org.querent.query;

/**
 * How much a committee disagrees about one pool item, from {@code committee[member][row][class]}. Natural
 * logarithms, {@code 0 ln 0 = 0}. Multi-label rows are treated as one yes/no question per label, averaged over labels.
 */
final class Disagreement {

    private Disagreement() {
    }

    /**
     * Vote entropy: each member votes for its most likely class (the first on ties); the entropy of the vote shares.
     * 0 when all agree; ln(min(members, classes)) at most.
     */
    static double voteEntropy(double[][][] committee, int row, boolean multiLabel) {
        int members = committee.length;
        int classes = committee[0][row].length;
        if (multiLabel) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                int yes = 0;
                for (double[][] member : committee) {
                    yes += member[row][c] >= 0.5 ? 1 : 0;
                }
                double share = (double) yes / members;
                sum -= plogp(share) + plogp(1 - share);
            }
            return sum / classes;
        }
        int[] votes = new int[classes];
        for (double[][] member : committee) {
            votes[argmax(member[row])]++;
        }
        double entropy = 0;
        for (int v : votes) {
            entropy -= plogp((double) v / members);
        }
        return entropy;
    }

    /** Entropy of the consensus (the members' mean distribution). */
    static double consensusEntropy(double[][][] committee, int row, boolean multiLabel) {
        double[] consensus = consensus(committee, row);
        if (!multiLabel) {
            return Uncertainty.entropy(consensus); // keeps a near-1 top class's share instead of rounding it to 0
        }
        double sum = 0;
        for (double q : consensus) {
            sum -= multiLabel ? plogp(q) + plogp(1 - q) : plogp(q);
        }
        return multiLabel ? sum / consensus.length : sum;
    }

    /** Mean over members of KL(member || consensus): 0 when all members predict the same distribution. */
    static double meanKlToConsensus(double[][][] committee, int row, boolean multiLabel) {
        double[] consensus = consensus(committee, row);
        double total = 0;
        for (double[][] member : committee) {
            double[] p = member[row];
            double kl = 0;
            for (int c = 0; c < p.length; c++) {
                kl += multiLabel
                        ? plogq(p[c], consensus[c]) + plogq(1 - p[c], 1 - consensus[c])
                        : plogq(p[c], consensus[c]);
            }
            total += multiLabel ? kl / p.length : kl;
        }
        return total / committee.length;
    }

    static double[] consensus(double[][][] committee, int row) {
        double[] mean = new double[committee[0][row].length];
        for (double[][] member : committee) {
            for (int c = 0; c < mean.length; c++) {
                mean[c] += member[row][c];
            }
        }
        for (int c = 0; c < mean.length; c++) {
            mean[c] /= committee.length;
        }
        return mean;
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    private static double plogp(double q) {
        return q > 0 ? q * Math.log(q) : 0;
    }

    /** {@code p ln(p / q)}; q >= p / members > 0 whenever p > 0, because q is a mean that includes p. */
    private static double plogq(double p, double q) {
        return p > 0 ? p * Math.log(p / q) : 0;
    }
}
