package org.querent.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.querent.cli.Cli;

/**
 * Entry point. With a command it runs the command line headless; without one it opens the workstation.
 * Not a JavaFX Application subclass, so the jar starts on a plain class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        if (args.length == 0) {
            // The workstation (JavaFX) arrives with the next milestone; until then, show the commands.
            args = new String[] {"--help"};
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.run(args, out, err));
    }
}
