package org.querent.cli;

/** Who is labelling, when not given: QUERENT_ANNOTATOR, else the system user name. */
final class Annotators {
    private Annotators() {
    }

    static String resolve(String given) {
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        String env = System.getenv("QUERENT_ANNOTATOR");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        return System.getProperty("user.name", "annotator");
    }
}
