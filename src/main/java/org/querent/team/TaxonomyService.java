package org.querent.team;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.querent.common.QuerentException;
import org.querent.project.Project;
import org.querent.store.LabelDefinition;
import org.querent.store.TaxonomyVersion;
import org.querent.store.TaxonomyVersionRepository;

/**
 * Changes to the taxonomy after init, by a lead, each published as a taxonomy version with who and why.
 * Decisions are never rewritten: a label given under an older version reads through the versions' mapping
 * (renamed and merged labels under their name now, retired ones dropped, so those items go back to the
 * queue), and training reads current labels, so the next head learns the current taxonomy.
 */
public final class TaxonomyService {
    /** Keys the workstation keeps for its commands (ui.common.KeyTable.RESERVED, which a test keeps equal). */
    public static final Set<String> RESERVED_KEYS = Set.of("S", "F", "N", "E", "R", "G", "Z", "A", "X");

    private final Project project;
    private final PeopleService people;
    private final TaxonomyVersionRepository versions;

    public TaxonomyService(Project project) {
        this.project = project;
        this.people = new PeopleService(project);
        this.versions = new TaxonomyVersionRepository(project.database(), project.clock());
    }

    /** What a change did: the version it published and how many items went back to the queue. */
    public record Change(int version, int itemsBackInQueue) {
    }

    public List<TaxonomyVersion> history() {
        return versions.versions();
    }

    public int currentVersion() {
        return versions.current();
    }

    public Change add(String name, String description, String key, String actor, String reason) {
        List<LabelDefinition> labels = start(actor, reason);
        String clean = validName(name);
        if (indexOf(labels, clean) >= 0) {
            throw QuerentException.usage("the taxonomy already has a label '" + clean + "': choose another name");
        }
        String hotkey = key == null || key.isBlank() ? null : validKey(labels, key, null);
        labels.add(new LabelDefinition(clean, description == null ? "" : description.trim(), hotkey));
        return publish("add", detail("name", clean, "description", description, "key", hotkey), labels, Map.of(),
                actor, reason);
    }

    public Change rename(String from, String to, String actor, String reason) {
        List<LabelDefinition> labels = start(actor, reason);
        int at = require(labels, from);
        String clean = validName(to);
        if (clean.equals(from)) {
            throw QuerentException.usage("'" + from + "' already has that name: nothing to change");
        }
        if (indexOf(labels, clean) >= 0) {
            throw QuerentException.usage("the taxonomy already has a label '" + clean + "': to fold '" + from
                    + "' into it, use 'merge " + from + " " + clean + "'");
        }
        LabelDefinition old = labels.get(at);
        labels.set(at, new LabelDefinition(clean, old.description(), old.hotkey()));
        return publish("rename", detail("from", from, "to", clean), labels, Map.of(from, clean), actor, reason);
    }

    public Change describe(String name, String description, String actor, String reason) {
        List<LabelDefinition> labels = start(actor, reason);
        int at = require(labels, name);
        LabelDefinition old = labels.get(at);
        String text = description == null ? "" : description.trim();
        labels.set(at, new LabelDefinition(old.name(), text, old.hotkey()));
        return publish("describe", detail("name", name, "description", text), labels, Map.of(), actor, reason);
    }

    /** Gives a label its own key; "none" (or blank) clears it, so the workstation assigns one. */
    public Change rekey(String name, String key, String actor, String reason) {
        List<LabelDefinition> labels = start(actor, reason);
        int at = require(labels, name);
        LabelDefinition old = labels.get(at);
        String hotkey = key == null || key.isBlank() || key.equalsIgnoreCase("none") ? null : validKey(labels, key, name);
        labels.set(at, new LabelDefinition(old.name(), old.description(), hotkey));
        return publish("rekey", detail("name", name, "key", hotkey), labels, Map.of(), actor, reason);
    }

    /** Folds {@code from} into {@code into}: labels given as either now read as {@code into}. */
    public Change merge(String from, String into, String actor, String reason) {
        List<LabelDefinition> labels = start(actor, reason);
        int at = require(labels, from);
        require(labels, into);
        if (from.equals(into)) {
            throw QuerentException.usage("cannot merge '" + from + "' into itself: give two different labels");
        }
        requireTwoLeft(labels, "merge '" + from + "' into '" + into + "'");
        labels.remove(at);
        return publish("merge", detail("from", from, "into", into), labels, Map.of(from, into), actor, reason);
    }

    /** Retires a label: items whose only label it was go back to the queue; history keeps it. */
    public Change retire(String name, String actor, String reason) {
        List<LabelDefinition> labels = start(actor, reason);
        int at = require(labels, name);
        requireTwoLeft(labels, "retire '" + name + "'");
        labels.remove(at);
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put(name, null);
        return publish("retire", detail("name", name), labels, mapping, actor, reason);
    }

    private Change publish(String change, Map<String, Object> detail, List<LabelDefinition> after,
                           Map<String, String> mapping, String actor, String reason) {
        int labelledBefore = project.decisions().countLabelled();
        int version = versions.publish(change, detail, after, mapping, actor, reason.trim());
        return new Change(version, Math.max(0, labelledBefore - project.decisions().countLabelled()));
    }

    /** Checks who and why before anything else, then returns the taxonomy in force to change. */
    private List<LabelDefinition> start(String actor, String reason) {
        people.require(actor, Permission.CHANGE_TAXONOMY);
        if (reason == null || reason.isBlank()) {
            throw QuerentException.usage("a taxonomy change needs a reason (--reason \"...\"), so the team knows why "
                    + "labels changed");
        }
        return new ArrayList<>(project.taxonomy().labels());
    }

    private static int indexOf(List<LabelDefinition> labels, String name) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int require(List<LabelDefinition> labels, String name) {
        int at = indexOf(labels, name);
        if (at < 0) {
            throw QuerentException.usage("no label '" + name + "' in the taxonomy: it has "
                    + String.join(", ", labels.stream().map(LabelDefinition::name).toList()));
        }
        return at;
    }

    private static void requireTwoLeft(List<LabelDefinition> labels, String what) {
        if (labels.size() <= 2) {
            throw QuerentException.usage("cannot " + what + ": a taxonomy needs at least two labels (add one first)");
        }
    }

    private static String validName(String name) {
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty()) {
            throw QuerentException.usage("a label name is empty: give a name");
        }
        if (clean.contains(",")) {
            throw QuerentException.usage("label '" + clean + "' contains a comma: commas separate labels");
        }
        return clean;
    }

    private static String validKey(List<LabelDefinition> labels, String key, String owner) {
        String k = key.trim().toUpperCase(Locale.ROOT);
        if (k.length() != 1 || !Character.isLetterOrDigit(k.charAt(0))) {
            throw QuerentException.usage("a key is one letter or digit, got '" + key + "'");
        }
        if (RESERVED_KEYS.contains(k)) {
            throw QuerentException.usage("the key " + k + " is taken by a labelling command: choose another");
        }
        for (LabelDefinition l : labels) {
            if (!l.name().equals(owner) && l.hotkey() != null && l.hotkey().equalsIgnoreCase(k)) {
                throw QuerentException.usage("the key " + k + " already assigns '" + l.name() + "': choose another");
            }
        }
        return k;
    }

    private static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return out;
    }
}
