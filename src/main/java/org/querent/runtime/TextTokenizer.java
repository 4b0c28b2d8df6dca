package org.querent.runtime;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.querent.common.QuerentException;

/**
 * A Hugging Face {@code tokenizer.json} loaded offline through DJL: truncates to the model's token budget and
 * pads each batch to its longest text.
 */
final class TextTokenizer implements AutoCloseable {
    /**
     * Only the first maxTokens tokens count, and a token is rarely more than ~10 characters, so tokenising more
     * than this many characters is wasted work (a mail archive can hold megabyte-long texts).
     */
    static final int MAX_CHARS = 4000;

    private final HuggingFaceTokenizer tokenizer;

    TextTokenizer(Path tokenizerJson, int maxTokens) {
        if (!Files.isRegularFile(tokenizerJson)) {
            throw QuerentException.notFound("tokenizer file not found: " + tokenizerJson
                    + " (named by \"text.tokenizer\" in model.json)");
        }
        configureDjlOffline();
        try {
            this.tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizerJson)
                    .optMaxLength(maxTokens)
                    .optTruncation(true)
                    .optPadding(true)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw QuerentException.model("cannot load tokenizer " + tokenizerJson + ": " + e.getMessage()
                    + ". It must be a Hugging Face tokenizer.json.", e);
        }
    }

    /** DJL must never try the network, and must extract its native library into our cache, not ~/.djl.ai. */
    private static void configureDjlOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", QuerentCache.root().resolve("djl").toString());
        }
    }

    TokenizedBatch tokenize(List<String> texts) {
        List<String> cut = new ArrayList<>(texts.size());
        for (String text : texts) {
            cut.add(cut(text == null ? "" : text));
        }
        Encoding[] encodings = tokenizer.batchEncode(cut);
        int size = encodings.length;
        int tokens = size == 0 ? 0 : encodings[0].getIds().length;
        long[] ids = new long[size * tokens];
        long[] mask = new long[size * tokens];
        for (int i = 0; i < size; i++) {
            System.arraycopy(encodings[i].getIds(), 0, ids, i * tokens, tokens);
            System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * tokens, tokens);
        }
        return new TokenizedBatch(size, tokens, ids, mask);
    }

    static String cut(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair: the tokenizer would see an invalid character
        }
        return text.substring(0, end);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
