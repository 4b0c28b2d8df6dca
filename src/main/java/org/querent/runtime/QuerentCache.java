package org.querent.runtime;

import java.nio.file.Path;

/**
 * The per-user cache folder: {@code -Dquerent.cache.dir}, else {@code $XDG_CACHE_HOME/querent}, else
 * {@code ~/.cache/querent}. Holds extracted built-in models and the tokenizer's native library.
 */
public final class QuerentCache {
    /** System property that moves the cache, e.g. for tests or a portable install. */
    public static final String CACHE_DIR_PROPERTY = "querent.cache.dir";

    private QuerentCache() {
    }

    public static Path root() {
        String override = System.getProperty(CACHE_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "querent");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "querent");
    }
}
