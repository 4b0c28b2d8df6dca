package org.querent.cli;

import java.io.PrintWriter;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import picocli.CommandLine;

/**
 * Runs the command line. Exit codes: 0 success, 2 bad usage, 1 failure with one line
 * {@code error: ...} on stderr (a stack trace only with --verbose).
 */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new QuerentCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            StderrProgress.closeLine();
            err.println("error: " + ex.getMessage());
            err.println("Try 'querent " + commandName(ex.getCommandLine()) + " --help' for usage.");
            err.flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            StderrProgress.closeLine();
            err.println("error: " + message(ex));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ex instanceof QuerentException q && q.kind() == ErrorKind.USAGE ? 2 : 1;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (Error e) {
            // Errors (a native library's assertion, say) escape picocli's handler: still one line, exit 1.
            StderrProgress.closeLine();
            err.println("error: " + message(e));
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                e.printStackTrace(err);
            }
            code = 1;
        }
        out.flush();
        err.flush();
        return code;
    }

    private static String commandName(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        return "querent".equals(name) ? "" : name;
    }

    static String message(Throwable ex) {
        if (ex instanceof QuerentException) {
            return ex.getMessage();
        }
        if (ex instanceof OutOfMemoryError) {
            return "out of memory: start Java with a larger -Xmx";
        }
        String m = ex.getMessage();
        return "unexpected " + ex.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                + " (run again with --verbose and report it)";
    }
}
