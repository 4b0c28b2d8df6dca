package org.querent.runtime;

import java.util.Arrays;

/**
 * Texts turned into token ids, padded to the longest text in the batch.
 *
 * @param size          number of texts
 * @param tokens        padded length of every row
 * @param inputIds      flat [size, tokens]
 * @param attentionMask flat [size, tokens]; 1 for real tokens, 0 for padding
 */
record TokenizedBatch(int size, int tokens, long[] inputIds, long[] attentionMask) implements PreparedBatch {

    /** Text {@code index} alone, without the padding the batch gave it (as if tokenised on its own). */
    TokenizedBatch item(int index) {
        int length = 0;
        for (int t = 0; t < tokens; t++) {
            length += attentionMask[index * tokens + t] != 0 ? 1 : 0;
        }
        int from = index * tokens;
        return new TokenizedBatch(1, length, Arrays.copyOfRange(inputIds, from, from + length),
                Arrays.copyOfRange(attentionMask, from, from + length));
    }
}
