package org.querent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LauncherDisplayTest {
    @Test
    void linuxWithoutADisplayIsExplainedAndTheCommandLineOffered() {
        String why = Launcher.missingDisplay("Linux", Map.of(), null).orElseThrow();
        assertTrue(why.contains("needs a display") && why.contains("querent --help"), why);
        assertTrue(Launcher.missingDisplay("Linux", Map.of("DISPLAY", ":0"), null).isEmpty());
        assertTrue(Launcher.missingDisplay("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null).isEmpty());
        assertTrue(Launcher.missingDisplay("Windows 11", Map.of(), null).isEmpty());
        assertTrue(Launcher.missingDisplay("Linux", Map.of(), "Monocle").isEmpty());
    }

    @Test
    void theSampleWithoutADisplayPrintsOneLineAndNoStackTrace() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "--sample").redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("error: the workstation needs a display"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }
}
