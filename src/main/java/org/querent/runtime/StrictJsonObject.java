package org.querent.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.querent.common.QuerentException;

/**
 * A JSON object read strictly: every key must be one of the allowed ones, and required keys must be there.
 * Errors name the file, the key path ("image.mean") and the allowed keys, so a user can fix the file.
 */
final class StrictJsonObject {
    private final JsonNode node;
    private final String path;
    private final String source;

    private StrictJsonObject(JsonNode node, String path, String source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    /** Wraps {@code node}, failing if it is not an object or has a key outside {@code allowedKeys}. */
    static StrictJsonObject of(JsonNode node, String path, String source, List<String> allowedKeys) {
        if (node == null || !node.isObject()) {
            throw QuerentException.model(source + ": '" + displayPath(path) + "' must be a JSON object");
        }
        Set<String> allowed = Set.copyOf(allowedKeys);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw QuerentException.model(source + ": unknown key '" + join(path, key) + "'; allowed keys"
                        + (path.isEmpty() ? "" : " in '" + path + "'") + " are: " + String.join(", ", allowedKeys));
            }
        }
        return new StrictJsonObject(node, path, source);
    }

    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    JsonNode required(String key) {
        if (!has(key)) {
            throw QuerentException.model(source + ": missing required key '" + join(path, key) + "'");
        }
        return node.get(key);
    }

    String requiredText(String key) {
        JsonNode value = required(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw wrongType(key, "a non-empty string", value);
        }
        return value.asText();
    }

    String optionalText(String key, String fallback) {
        return has(key) ? requiredText(key) : fallback;
    }

    int requiredPositiveInt(String key) {
        JsonNode value = required(key);
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() <= 0) {
            throw wrongType(key, "a positive whole number", value);
        }
        return value.asInt();
    }

    int optionalPositiveInt(String key, int fallback) {
        return has(key) ? requiredPositiveInt(key) : fallback;
    }

    double optionalPositiveNumber(String key, double fallback) {
        double value = optionalNumber(key, fallback);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw wrongType(key, "a positive number", node.get(key));
        }
        return value;
    }

    double optionalNumber(String key, double fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode value = node.get(key);
        if (!value.isNumber()) {
            throw wrongType(key, "a number", value);
        }
        return value.asDouble();
    }

    boolean optionalBoolean(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode value = node.get(key);
        if (!value.isBoolean()) {
            throw wrongType(key, "true or false", value);
        }
        return value.asBoolean();
    }

    List<Double> optionalNumbers(String key, List<Double> fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode value = node.get(key);
        List<Double> numbers = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!element.isNumber()) {
                    throw wrongType(key, "a list of numbers", value);
                }
                numbers.add(element.asDouble());
            }
        } else {
            throw wrongType(key, "a list of numbers", value);
        }
        return List.copyOf(numbers);
    }

    List<String> requiredTexts(String key) {
        JsonNode value = required(key);
        List<String> texts = new ArrayList<>();
        if (!value.isArray() || value.isEmpty()) {
            throw wrongType(key, "a non-empty list of strings", value);
        }
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw wrongType(key, "a non-empty list of strings", value);
            }
            texts.add(element.asText());
        }
        return List.copyOf(texts);
    }

    /** Reads an enum value written in lower case, e.g. "mean" for {@code MEAN}, "centre-crop" for {@code CENTRE_CROP}. */
    <E extends Enum<E>> E optionalChoice(String key, Class<E> type, E fallback) {
        if (!has(key)) {
            return fallback;
        }
        return choice(key, type);
    }

    <E extends Enum<E>> E requiredChoice(String key, Class<E> type) {
        required(key);
        return choice(key, type);
    }

    private <E extends Enum<E>> E choice(String key, Class<E> type) {
        String text = requiredText(key);
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return constant;
            }
            names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw QuerentException.model(source + ": '" + join(path, key) + "' is \"" + text + "\"; allowed values are: "
                + String.join(", ", names));
    }

    StrictJsonObject requiredObject(String key, List<String> allowedKeys) {
        return of(required(key), join(path, key), source, allowedKeys);
    }

    StrictJsonObject optionalObject(String key, List<String> allowedKeys) {
        return has(key) ? requiredObject(key, allowedKeys) : null;
    }

    private QuerentException wrongType(String key, String expected, JsonNode actual) {
        return QuerentException.model(source + ": '" + join(path, key) + "' must be " + expected + ", found " + actual);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String displayPath(String path) {
        return path.isEmpty() ? "(top level)" : path;
    }
}
