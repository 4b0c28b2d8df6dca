package org.querent.ui.start;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.querent.ui.common.KeyTable;

/**
 * Which single keys may assign a label. The command letters of the {@link KeyTable}, Enter, Space and Backspace
 * can never be label keys; keys compare case-insensitively because the labelling screen does not distinguish Shift.
 */
final class HotkeyRules {
    private static final Set<String> RESERVED_LETTERS = KeyTable.RESERVED.stream().map(HotkeyRules::normal)
            .collect(Collectors.toUnmodifiableSet());
    /** The order in which new rows get their default key: digits as on the keyboard, then letters. */
    static final List<String> DEFAULT_ORDER = defaultOrder();

    private HotkeyRules() {
    }

    /** Why {@code key} cannot be a label key, or null when it can (an empty key means "no key"). */
    static String problem(String key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        if (key.codePointCount(0, key.length()) != 1) {
            return "one character only";
        }
        if (key.isBlank()) {
            return "Space is reserved (it confirms the pre-label)";
        }
        if (RESERVED_LETTERS.contains(normal(key))) {
            String k = key.toUpperCase(Locale.ROOT);
            return k + " is reserved (" + KeyTable.COMMANDS.stream().filter(c -> c.key().equals(k)).findFirst()
                    .map(KeyTable.Command::description).orElse("a command") + ")";
        }
        return null;
    }

    /** The first key of {@link #DEFAULT_ORDER} not in {@code used}, or "" when all are taken. */
    static String nextFree(Collection<String> used) {
        Set<String> taken = used.stream().filter(k -> k != null).map(HotkeyRules::normal).collect(Collectors.toSet());
        return DEFAULT_ORDER.stream().filter(k -> !taken.contains(k)).findFirst().orElse("");
    }

    /** The form in which keys are compared. */
    static String normal(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    private static List<String> defaultOrder() {
        List<String> keys = new ArrayList<>(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"));
        for (char c = 'a'; c <= 'z'; c++) {
            String key = String.valueOf(c);
            if (!RESERVED_LETTERS.contains(key)) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }
}
