package org.querent.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.querent.app.Launcher;

/**
 * The command line that runs Querent's CLI in a child JVM on this test's classpath: for what an in-process run
 * cannot show (kill -9, file permissions without root's capabilities, a network namespace, several processes).
 */
final class ChildJvm {
    private ChildJvm() {
    }

    static List<String> command(String... args) {
        return command(List.of(), List.of(), args);
    }

    /**
     * @param wrapper    a command the JVM runs under ({@code setpriv ...}, {@code unshare -n}), or empty
     * @param jvmOptions options for the child JVM, or empty
     */
    static List<String> command(List<String> wrapper, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dai.djl.offline=true");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Without the capabilities that let root ignore file permissions (CI runs as root). */
    static List<String> withoutRootOverrides() {
        return "root".equals(System.getProperty("user.name"))
                ? List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner") : List.of();
    }
}
