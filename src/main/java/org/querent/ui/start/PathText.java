package org.querent.ui.start;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Turns what a user typed or pasted into a path, without touching the disk (safe on the FX thread). */
final class PathText {
    private PathText() {
    }

    /**
     * The absolute path for {@code text}, with surrounding quotes (as pasted from a file manager) removed and a
     * leading {@code ~} expanded; null when it is blank, relative or not a valid path.
     */
    static Path parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        if (t.equals("~") || t.startsWith("~/")) {
            t = System.getProperty("user.home") + t.substring(1);
        }
        if (t.isEmpty()) {
            return null;
        }
        try {
            Path path = Path.of(t);
            return path.isAbsolute() ? path.normalize() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Why {@code text} is not a usable path, for a field's red message; null when it is. */
    static String problem(String text, String what) {
        if (text == null || text.isBlank()) {
            return "Choose " + what + ".";
        }
        return parse(text) == null ? "Give the full path of " + what + " (e.g. /home/me/data)." : null;
    }
}
