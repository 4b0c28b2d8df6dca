package org.querent.ui.start;

import java.util.ArrayList;
import java.util.List;

/** Parses numbers typed into form fields, returning null instead of throwing, for live validation. */
final class NumberText {
    private NumberText() {
    }

    static Integer positiveInt(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double finite(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 10.0 as "10", 0.5 as "0.5": a number as a person types it. */
    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** "0.485, 0.456, 0.406" (commas or spaces) to numbers; null when any part is not a number. */
    static List<Double> list(String text) {
        List<Double> values = new ArrayList<>();
        for (String part : text.strip().split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            Double value = finite(part);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    /** "cat, dog" to trimmed non-empty names. */
    static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        return names;
    }
}
