package org.querent.ui.start;

/** The fields of the model.json form that can be wrong, each with its own red message. */
enum ManifestField {
    NAME, TOKENIZER, MAX_TOKENS, WIDTH, HEIGHT, CHANNELS, SCALE, MEAN, STD, EMBEDDING_OUTPUT, CLASS_OUTPUT,
    CLASS_LABELS, SAMPLE_RATE, AUDIO_CHANNELS, CLIP_SECONDS, MEL_BINS, WINDOW_MS, HOP_MS
}
