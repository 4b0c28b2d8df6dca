package org.querent.team;

/** What a person may do, with the least role that may do it. */
public enum Permission {
    LABEL("label items", Role.ANNOTATOR),
    ESCALATE("escalate items", Role.ANNOTATOR),
    REVIEW("approve, change or reject others' labels", Role.REVIEWER),
    RESOLVE_ESCALATION("resolve escalations", Role.LEAD),
    ADJUDICATE("adjudicate disagreements", Role.LEAD),
    CHANGE_TAXONOMY("change the taxonomy", Role.LEAD),
    MANAGE_PEOPLE("add people or change their roles", Role.LEAD),
    CHANGE_SETTINGS("change the team's settings", Role.LEAD),
    MERGE("merge colleagues' project files", Role.LEAD),
    PACK("write work packages for colleagues", Role.LEAD),
    PROMOTE("promote or roll back model versions", Role.LEAD),
    IMPORT_LABELS("import labels or predictions from another tool's file", Role.LEAD);

    private final String description;
    private final Role minimum;

    Permission(String description, Role minimum) {
        this.description = description;
        this.minimum = minimum;
    }

    public String description() {
        return description;
    }

    public Role minimum() {
        return minimum;
    }
}
