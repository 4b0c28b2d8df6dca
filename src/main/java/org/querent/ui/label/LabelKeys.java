package org.querent.ui.label;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.querent.store.LabelDefinition;

/**
 * Which key assigns which label: the taxonomy's own key when set, else 1-9, 0, then letters that are not
 * taken by the labelling commands.
 */
public final class LabelKeys {
    /** Keys the labelling view uses for commands; labels cannot take them. */
    public static final Set<String> RESERVED = Set.of("S", "F", "N", "Z", "R", "G", "W", "U");

    private LabelKeys() {
    }

    public static List<String> assign(List<LabelDefinition> labels) {
        Set<String> taken = new HashSet<>();
        for (LabelDefinition l : labels) {
            if (l.hotkey() != null && !l.hotkey().isBlank()) {
                taken.add(l.hotkey().toUpperCase(Locale.ROOT));
            }
        }
        List<String> pool = new ArrayList<>(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"));
        for (char c = 'A'; c <= 'Z'; c++) {
            if (!RESERVED.contains(String.valueOf(c))) {
                pool.add(String.valueOf(c));
            }
        }
        pool.removeAll(taken);
        List<String> keys = new ArrayList<>();
        int next = 0;
        for (LabelDefinition l : labels) {
            if (l.hotkey() != null && !l.hotkey().isBlank()) {
                keys.add(l.hotkey().toUpperCase(Locale.ROOT));
            } else {
                keys.add(next < pool.size() ? pool.get(next++) : "");
            }
        }
        return keys;
    }
}
