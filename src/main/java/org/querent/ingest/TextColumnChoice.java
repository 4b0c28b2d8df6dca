package org.querent.ingest;

import java.util.List;

/**
 * Finds the CSV column that holds the text: the one the user named; else the first named text, content, body or
 * message (in that order of preference); else the first column whose values are mostly long text (at least
 * {@value #LONG_TEXT_CHARS} characters with a space in them: ids and hashes are long but have no spaces).
 *
 * @param index   the chosen column, or -1
 * @param problem why none fits, naming the columns found, or null
 */
record TextColumnChoice(int index, String problem) {

    static final List<String> PREFERRED_NAMES = List.of("text", "content", "body", "message");
    static final int LONG_TEXT_CHARS = 20;
    private static final int SAMPLE_ROWS = 1000;

    static TextColumnChoice choose(List<String> header, List<List<String>> rows, String requested) {
        if (requested != null) {
            int index = indexOf(header, requested);
            return index >= 0 ? new TextColumnChoice(index, null) : new TextColumnChoice(-1, "no column named \""
                    + requested + "\"; columns found: " + describe(header) + ". Change the text column option.");
        }
        for (String name : PREFERRED_NAMES) {
            int index = indexOf(header, name);
            if (index >= 0) {
                return new TextColumnChoice(index, null);
            }
        }
        for (int column = 0; column < header.size(); column++) {
            if (mostlyLongText(rows, column)) {
                return new TextColumnChoice(column, null);
            }
        }
        return new TextColumnChoice(-1, "no text column: none is named text, content, body or message, and none "
                + "holds mostly long text; columns found: " + describe(header) + ". Set the text column option.");
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean mostlyLongText(List<List<String>> rows, int column) {
        int sampled = Math.min(rows.size(), SAMPLE_ROWS);
        int longValues = 0;
        for (int r = 0; r < sampled; r++) {
            List<String> row = rows.get(r);
            if (column < row.size() && isLongText(row.get(column))) {
                longValues++;
            }
        }
        return sampled > 0 && longValues * 2 > sampled;
    }

    private static boolean isLongText(String value) {
        String text = value.strip();
        return text.length() >= LONG_TEXT_CHARS && text.chars().anyMatch(Character::isWhitespace);
    }

    private static String describe(List<String> header) {
        if (header.stream().allMatch(String::isBlank)) {
            return "(none named)";
        }
        return String.join(", ", header.stream().map(h -> h.isBlank() ? "(blank)" : h.strip()).toList());
    }
}
