package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's collapse case, through the command line with the built-in text model: three folders of 32 short texts
 * (cooking, football, astronomy) taken as labels, 8 texts that mix two topics and 12 unlabelled single-topic texts. The labels are separable, so a
 * held-out quarter is all right; the temperature must not run to the floor and the queue must still rank: the mixed
 * texts first, with distinct non-zero scores, under margin, entropy and least-confidence, before and after two
 * corrections.
 */
class SeparableFoldersRankingTest {

    private static final Map<String, List<String>> TOPICS = Map.of(
            "cooking", List.of("Simmer the onions in butter", "Knead the bread dough", "Season the soup with salt",
                    "Roast the chicken in the oven", "Chop the garlic and the parsley", "Whisk the eggs with sugar",
                    "Bake the apple pie", "Stir the tomato sauce"),
            "football", List.of("The striker scored a late goal", "The goalkeeper saved a penalty",
                    "The referee showed a red card", "The midfielder passed to the winger",
                    "The team won the league match", "The coach changed the defence",
                    "Fans cheered in the stadium", "The defender blocked the shot"),
            "astronomy", List.of("The telescope found a distant galaxy", "A comet crossed the night sky",
                    "Jupiter has many moons", "The star collapsed into a black hole",
                    "Astronomers measured the planet's orbit", "A meteor shower lit the sky",
                    "The nebula glows in infrared light", "The moon eclipsed the sun"));
    private static final List<String> ENDINGS = List.of(" today.", " this evening.", " once again.", " slowly.");
    private static final List<String> MIXED = List.of(
            "Stars in the sky and a pot of soup.",
            "The goalkeeper baked a cake after the match.",
            "We watched the comet while the bread was baking.",
            "The striker looked at Jupiter through a telescope.",
            "A recipe for soup eaten at the stadium.",
            "The referee studied the moons of Saturn.",
            "Roast chicken under the night sky and the stars.",
            "The football team visited the observatory and ate pasta.");

    @TempDir
    Path dir;

    @Test
    void mixedTopicsRankFirstWithDistinctScoresAndTheTemperatureStaysSane() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (Map.Entry<String, List<String>> topic : TOPICS.entrySet()) {
            Path folder = Files.createDirectories(data.resolve(topic.getKey()));
            int n = 0;
            for (String phrase : topic.getValue()) {
                for (String ending : ENDINGS) {
                    Files.writeString(folder.resolve(String.format("%s-%02d.txt", topic.getKey(), n++)), phrase + ending);
                }
            }
        }
        for (int i = 0; i < MIXED.size(); i++) {
            Files.writeString(data.resolve(String.format("mixed-%d.txt", i)), MIXED.get(i));
        }
        // unlabelled single-topic texts beside them, which the queue must rank after the mixed ones
        for (Map.Entry<String, List<String>> topic : TOPICS.entrySet()) {
            for (int i = 0; i < 4; i++) {
                Files.writeString(data.resolve(String.format("plain-%s-%d.txt", topic.getKey(), i)),
                        topic.getValue().get(2 * i) + " and " + topic.getValue().get(2 * i + 1).toLowerCase() + ".");
            }
        }
        String project = dir.resolve("p.querent").toString();
        CliRun init = CliRun.of("init", project, "--data", data.toString(), "--labels-from-folders");
        assertEquals(0, init.code(), init.toString());
        CliRun score = CliRun.of("score", project);
        assertEquals(0, score.code(), score.toString());

        CliRun train = CliRun.of("train", project);
        assertEquals(0, train.code(), train.toString());
        assertFalse(train.out().contains("temperature 0.01"), train.toString());
        assertTemperatureSane(train.out());
        assertTrue(train.out().contains("L2: C=") && train.out().contains("by 3-fold cross-validation on 96 labels"),
                train.toString());
        CliRun status = CliRun.of("status", project);
        assertEquals(0, status.code(), status.toString());
        assertTrue(status.out().matches("(?s).*version   v1 .*, 96 labels, held-out accuracy .*, C=[0-9.]+\n.*"),
                status.toString());
        assertTrue(status.out().contains("L2        C="), status.toString());

        for (String strategy : List.of("margin", "entropy", "least-confidence")) {
            assertMixedFirst(project, strategy, MIXED.size(), 20);
        }

        // two corrections: label two mixed texts, retrain; the other six still lead the queue
        assertEquals(0, CliRun.of("label", project, "mixed-0.txt", "astronomy").code());
        assertEquals(0, CliRun.of("label", project, "mixed-1.txt", "football").code());
        CliRun again = CliRun.of("train", project);
        assertEquals(0, again.code(), again.toString());
        assertTemperatureSane(again.out());
        assertMixedFirst(project, "margin", MIXED.size() - 2, 18);
        assertMixedFirst(project, "entropy", MIXED.size() - 2, 18);
    }

    private static void assertTemperatureSane(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("temperature ([0-9.]+)").matcher(out);
        assertTrue(m.find(), out);
        double t = Double.parseDouble(m.group(1));
        assertTrue(t >= 0.25 && t <= 4, "temperature " + t + " in " + out);
    }

    private static void assertMixedFirst(String project, String strategy, int mixed, int unlabelled) throws Exception {
        CliRun queue = CliRun.of("queue", project, "--strategy", strategy, "--size", "20", "--format", "json");
        assertEquals(0, queue.code(), queue.toString());
        List<Map<String, Object>> rows = new ObjectMapper().readValue(queue.out(), new TypeReference<>() { });
        assertEquals(unlabelled, rows.size(), queue.out());
        Set<Double> scores = new HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Object> row = rows.get(r);
            double s = ((Number) row.get("score")).doubleValue();
            double confidence = ((Number) row.get("confidence")).doubleValue();
            assertTrue(s > 0, strategy + ": score 0 at rank " + (r + 1) + "\n" + queue.out());
            assertTrue(confidence > 0 && confidence <= 1, "confidence is a probability: " + confidence);
            scores.add(s);
            if (r < mixed) {
                assertTrue(row.get("path").toString().startsWith("mixed-"),
                        strategy + ": rank " + (r + 1) + " is " + row.get("path") + "\n" + queue.out());
            }
        }
        assertEquals(rows.size(), scores.size(), strategy + ": scores not distinct\n" + queue.out());
    }
}
