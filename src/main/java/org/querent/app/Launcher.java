package org.querent.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.querent.cli.Cli;
import org.querent.runtime.QuerentCache;

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
        System.setProperty("querent.startNanos", Long.toString(System.nanoTime()));
        placeCaches();
        OrtTelemetry.disable();
        if (opensWorkstation(args)) {
            Optional<String> noDisplay = missingDisplay(System.getProperty("os.name", ""), System.getenv(),
                    System.getProperty("glass.platform"));
            if (noDisplay.isPresent()) {
                System.err.println("error: " + noDisplay.get());
                System.exit(1);
            }
            javafx.application.Application.launch(QuerentApplication.class, args);
            System.exit(0);
        }
        String[] arguments = args;
        int[] code = {1};
        // The native tokenizer needs more stack than a default main thread has in some environments (it died
        // with SIGSEGV under a forked test JVM); a thread of our own with a large stack removes the doubt.
        Thread main = new Thread(null, () -> {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            code[0] = Cli.run(arguments, out, err);
        }, "querent-main", NATIVE_STACK_BYTES);
        main.start();
        try {
            main.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(code[0]);
    }

    /** No arguments, {@code --sample}, or a project file: the workstation; anything else: the command line. */
    /**
     * Why the workstation cannot open here, if it cannot: on Linux without an X or Wayland display,
     * JavaFX fails deep in its toolkit with a stack trace. (Monocle, the headless platform of the tests,
     * needs no display.)
     */
    static Optional<String> missingDisplay(String osName, Map<String, String> env, String glassPlatform) {
        boolean linux = osName.toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean display = !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        if (!linux || display || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        return Optional.of("the workstation needs a display (no DISPLAY or WAYLAND_DISPLAY is set): run it in a"
                + " desktop session, or use the command line, which works without one ('querent --help')");
    }

    static boolean opensWorkstation(String[] args) {
        return args.length == 0 || (args.length == 1 && ("--sample".equals(args[0]) || args[0].endsWith(".querent")));
    }

    /**
     * Per-user caches in the platform's usual place, never in the install folder: Querent's own (built-in
     * model, tokenizer library) under {@link QuerentCache}, and JavaFX's native libraries, should it have to
     * unpack them (the installed app ships them unpacked), beside it instead of in {@code ~/.openjfx}.
     */
    static void placeCaches() {
        if (System.getProperty(QuerentCache.CACHE_DIR_PROPERTY) == null) {
            platformCacheDir(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"))
                    .ifPresent(dir -> System.setProperty(QuerentCache.CACHE_DIR_PROPERTY, dir.toString()));
        }
        if (System.getProperty("javafx.cachedir") == null) {
            System.setProperty("javafx.cachedir", QuerentCache.root().resolve("openjfx").toString());
        }
    }

    /**
     * The cache folder on Windows ({@code %LOCALAPPDATA%\Querent\cache}) and macOS
     * ({@code ~/Library/Caches/Querent}); empty elsewhere, where {@link QuerentCache} already follows XDG.
     */
    static Optional<Path> platformCacheDir(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return Optional.of(base.resolve("Querent").resolve("cache"));
        }
        if (os.contains("mac")) {
            return Optional.of(Path.of(userHome, "Library", "Caches", "Querent"));
        }
        return Optional.empty();
    }

    /** Stack for threads that call native code (tokenizer, ONNX Runtime): reserved, not committed, memory. */
    public static final long NATIVE_STACK_BYTES = 256L << 20;
}
