package org.querent.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.querent.store.LabelDefinition;

/**
 * The one table of single keys the workstation reads: the commands of the Label and Review views and the key of
 * every label. A label takes its taxonomy key when it has one, else the next free of 1-9, 0, then the letters no
 * command uses. Two owners of one key are a clash, reported with both names; the label then has no key (it can
 * still be clicked) until a lead re-keys it, so a key press never means two things.
 */
public final class KeyTable {
    /** What a command key does; the views map these to their actions. */
    public enum Action { SKIP, FLAG, NOTE, ESCALATE, RETRAIN, GUIDELINE, UNDO, APPROVE, REJECT }

    /** Where a command key works. */
    public enum Screen { LABEL, REVIEW, BOTH }

    /**
     * A command on a letter key.
     *
     * @param key   the letter, upper case (the views do not distinguish Shift)
     * @param shown how the help writes the key ("Ctrl+Z")
     */
    public record Command(String key, String shown, Action action, String description, Screen screen) {
        public boolean worksOn(Screen where) {
            return screen == Screen.BOTH || screen == where;
        }
    }

    /** Every letter a command takes: a label can never have one of these. */
    public static final List<Command> COMMANDS = List.of(
            new Command("S", "S", Action.SKIP, "skip the item", Screen.LABEL),
            new Command("F", "F", Action.FLAG, "flag for review, with a reason", Screen.LABEL),
            new Command("N", "N", Action.NOTE, "add a note", Screen.LABEL),
            new Command("E", "E", Action.ESCALATE, "escalate to the lead, with a reason", Screen.LABEL),
            new Command("R", "R", Action.RETRAIN, "retrain now", Screen.LABEL),
            new Command("G", "G", Action.GUIDELINE, "read the guideline", Screen.LABEL),
            // Z undoes with Ctrl; plain Z stays free of labels so a missed Ctrl never labels an item.
            new Command("Z", "Ctrl+Z", Action.UNDO, "undo the last decision", Screen.LABEL),
            new Command("A", "A", Action.APPROVE, "approve the label", Screen.REVIEW),
            new Command("X", "X", Action.REJECT, "reject the label, with a reason", Screen.REVIEW));

    /** The letters of {@link #COMMANDS}. */
    public static final Set<String> RESERVED = COMMANDS.stream().map(Command::key).collect(Collectors.toUnmodifiableSet());

    /** Keys that are not letters or digits, for the help list: {key, what, screen}. */
    private static final List<String[]> OTHER_KEYS = List.of(
            new String[] {"Enter / Space", "accept the suggestion (multi-label: confirm)", "LABEL"},
            new String[] {"Backspace", "undo the last decision", "LABEL"},
            new String[] {"+ / − / wheel", "zoom an image; drag to pan", "LABEL"},
            new String[] {"Home", "fit the image", "LABEL"},
            new String[] {"P or F5", "play / pause a clip (F5 when a label has P)", "LABEL"},
            new String[] {"Shift+P / Shift+F5", "replay a clip from the start", "LABEL"},
            new String[] {"← / →", "seek a clip by one second", "LABEL"},
            new String[] {"↑ / ↓", "previous / next label to review", "REVIEW"},
            new String[] {"F5 / F6 / F7 / F8", "only corrected pre-labels / low agreement / flagged / escalated items "
                    + "(press again to show all)", "REVIEW"});

    private final List<LabelDefinition> labels;
    private final List<String> keys;
    private final List<String> clashes;

    private KeyTable(List<LabelDefinition> labels, List<String> keys, List<String> clashes) {
        this.labels = List.copyOf(labels);
        this.keys = List.copyOf(keys);
        this.clashes = List.copyOf(clashes);
    }

    /** The table for a taxonomy, in its order. */
    public static KeyTable of(List<LabelDefinition> labels) {
        Map<String, String> owner = new LinkedHashMap<>();
        COMMANDS.forEach(c -> owner.put(c.key(), "the command '" + c.description() + "'"));
        List<String> clashes = new ArrayList<>();
        String[] keys = new String[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            String own = normal(labels.get(i).hotkey());
            if (own.isEmpty()) {
                continue;
            }
            String name = "label '" + labels.get(i).name() + "'";
            String taken = owner.get(own);
            if (taken != null) {
                clashes.add("The key " + own + " is both " + taken + " and the key of " + name + ": " + name
                        + " has no key until a lead gives it another (Taxonomy, Re-key)");
                keys[i] = "";
            } else {
                owner.put(own, "the key of " + name);
                keys[i] = own;
            }
        }
        List<String> pool = new ArrayList<>(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"));
        for (char c = 'A'; c <= 'Z'; c++) {
            pool.add(String.valueOf(c));
        }
        pool.removeAll(owner.keySet());
        int next = 0;
        for (int i = 0; i < labels.size(); i++) {
            if (keys[i] == null) {
                keys[i] = next < pool.size() ? pool.get(next++) : "";
            }
        }
        return new KeyTable(labels, List.of(keys), clashes);
    }

    /** The key of each label, in taxonomy order; "" when a label has none. */
    public List<String> labelKeys() {
        return keys;
    }

    /** One message per clash, naming both owners of the key; empty when the table is clean. */
    public List<String> clashes() {
        return clashes;
    }

    /** The label a key assigns, if any. */
    public Optional<String> labelOf(String key) {
        int at = key == null || key.isEmpty() ? -1 : keys.indexOf(normal(key));
        return at < 0 ? Optional.empty() : Optional.of(labels.get(at).name());
    }

    /** The key of a label, or "" when it has none. */
    public String keyOf(String label) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).name().equals(label)) {
                return keys.get(i);
            }
        }
        return "";
    }

    /** The command a key runs on a screen, if any. */
    public static Optional<Command> command(String key, Screen where) {
        String k = normal(key);
        return COMMANDS.stream().filter(c -> c.key().equals(k) && c.worksOn(where)).findFirst();
    }

    /** True when 0 labels a class, so it cannot also fit the image. */
    public boolean zeroIsLabel() {
        return keys.contains("0");
    }

    /** The help list (F1): sections of {key, what} rows, in the order a person reads them. */
    public Map<String, List<String[]>> help() {
        Map<String, List<String[]>> out = new LinkedHashMap<>();
        List<String[]> labelView = new ArrayList<>();
        List<String[]> reviewView = new ArrayList<>();
        for (Command c : COMMANDS) {
            if (c.worksOn(Screen.LABEL)) {
                labelView.add(new String[] {c.shown(), c.description()});
            }
            if (c.worksOn(Screen.REVIEW)) {
                reviewView.add(new String[] {c.shown(), c.description()});
            }
        }
        for (String[] other : OTHER_KEYS) {
            (other[2].equals("LABEL") ? labelView : reviewView).add(new String[] {other[0], other[1]});
        }
        if (!zeroIsLabel()) {
            labelView.add(new String[] {"0", "fit the image (no label uses 0)"});
        }
        reviewView.add(new String[] {"a label's key", "change the label to that one, with a reason"});
        List<String[]> labelRows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            labelRows.add(new String[] {keys.get(i).isEmpty() ? "(none)" : keys.get(i), labels.get(i).name()});
        }
        if (labelRows.isEmpty()) {
            labelRows.add(new String[] {"1-9, 0, letters", "the project's labels, once a project is open"});
        }
        out.put("Labels (Label view: assign, multi-label: toggle)", labelRows);
        out.put("Label view", labelView);
        out.put("Review view", reviewView);
        out.put("Everywhere", List.of(
                new String[] {"Ctrl+1 … 5", "Label / Browse / Progress / Review / Taxonomy"},
                new String[] {"Ctrl+N, Ctrl+O", "new project, open project"},
                new String[] {"Ctrl+W, Ctrl+Q", "close project, quit"},
                new String[] {"F1", "this list"}));
        return out;
    }

    private static String normal(String key) {
        return key == null ? "" : key.trim().toUpperCase(Locale.ROOT);
    }
}
