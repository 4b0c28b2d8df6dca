package org.querent.team;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.querent.common.QuerentException;
import org.querent.project.Project;

/** Checks labels a lead or reviewer gives against the taxonomy in force. */
final class LabelChoice {
    private LabelChoice() {
    }

    static List<String> validate(Project project, List<String> labels) {
        List<String> known = project.labelNames();
        List<String> clean = new ArrayList<>(new LinkedHashSet<>(labels == null ? List.<String>of()
                : labels.stream().map(String::trim).filter(s -> !s.isEmpty()).toList()));
        if (clean.isEmpty()) {
            throw QuerentException.usage("no label given: choose from " + String.join(", ", known));
        }
        for (String label : clean) {
            if (!known.contains(label)) {
                throw QuerentException.usage("unknown label '" + label + "': the taxonomy has " + String.join(", ", known));
            }
        }
        if (!project.settings().multiLabel() && clean.size() > 1) {
            throw QuerentException.usage("this project is single-label, got " + clean.size() + " labels: give one");
        }
        return clean;
    }
}
