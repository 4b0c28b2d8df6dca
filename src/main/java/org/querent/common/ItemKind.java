package org.querent.common;

/** What an item is, which decides how it is shown and which models can read it. */
public enum ItemKind {
    IMAGE, TEXT, AUDIO
}
