package org.querent.team;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.querent.common.QuerentException;

/** A person's role; each role may do what the one before it may, and more. */
public enum Role {
    ANNOTATOR, REVIEWER, LEAD;

    /** The role as stored and typed: annotator, reviewer, lead. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean permits(Permission permission) {
        return compareTo(permission.minimum()) >= 0;
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw QuerentException.usage("unknown role '" + text + "': choose one of "
                + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")));
    }
}
