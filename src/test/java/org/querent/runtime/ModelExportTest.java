package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.cli.Cli;

/**
 * export-model end to end: a real project on the built-in MiniLM (and on a PCA image model built from real
 * Fashion-MNIST images) is trained, exported, and the exported model.onnx is run by a bare ONNX Runtime session on
 * raw inputs (token ids; pixel values 0..255). Its probabilities must match queue's within 1e-4, and the export
 * must start a new project whose first pre-labels come from its own classes.
 */
class ModelExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Run ok(String... args) {
        Run run = cli(args);
        assertEquals(0, run.code(), String.join(" ", args) + "\n" + run);
        return run;
    }

    @Test
    void textExportMatchesQueueAndStartsANewProject(@TempDir Path dir) throws Exception {
        Map<String, String> truth = TestData.copyEmails(dir.resolve("data"), 8);
        Path project = dir.resolve("emails.querent");
        ok("init", project.toString(), "--data", dir.resolve("data").toString(), "--model", "builtin:minilm",
                "--labels", String.join(",", TestData.emailLabels()));
        ok("import", project.toString());
        ok("score", project.toString());
        // 7 of each list labelled (42: enough for a calibrated head), 1 of each left for the queue
        Map<String, Integer> perLabel = new HashMap<>();
        StringBuilder tsv = new StringBuilder();
        truth.forEach((file, label) -> {
            if (perLabel.merge(label, 1, Integer::sum) <= 7) {
                tsv.append(file).append('\t').append(label).append('\n');
            }
        });
        Files.writeString(dir.resolve("labels.tsv"), tsv);
        ok("label", project.toString(), "--from", dir.resolve("labels.tsv").toString());
        Run trained = ok("train", project.toString());
        assertTrue(trained.out().contains("calibrated: temperature"), trained.out());

        Path exported = dir.resolve("exported");
        Run export = ok("export-model", project.toString(), "--out", exported.toString());
        assertTrue(export.out().contains("checked with ONNX Runtime on 20 scored items"), export.out());
        assertTrue(Files.isRegularFile(exported.resolve("model.onnx")));
        assertTrue(Files.isRegularFile(exported.resolve("tokenizer.json")));
        ModelManifest manifest = ModelManifest.read(exported.resolve("model.json"));
        assertEquals(TestData.emailLabels(), manifest.classLabels());

        JsonNode queue = JSON.readTree(ok("queue", project.toString(), "--format", "json", "--size", "6").out());
        assertEquals(6, queue.size());
        try (OrtEnvironment env = OrtEnvironment.getEnvironment();
             OrtSession session = env.createSession(exported.resolve("model.onnx").toString(), new OrtSession.SessionOptions());
             TextTokenizer tokenizer = new TextTokenizer(exported.resolve("tokenizer.json"), 128)) {
            double worst = 0;
            for (JsonNode row : queue) {
                String text = Files.readString(dir.resolve("data").resolve(row.get("path").asText()));
                TokenizedBatch tokens = tokenizer.tokenize(List.of(text));
                long[] shape = {1, tokens.tokens()};
                Map<String, OnnxTensor> feed = new LinkedHashMap<>();
                feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.inputIds()), shape));
                feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.attentionMask()), shape));
                if (session.getInputNames().contains("token_type_ids")) {
                    feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[tokens.tokens()]), shape));
                }
                try (OrtSession.Result result = session.run(feed)) {
                    float[][] p = (float[][]) result.get("probabilities").orElseThrow().getValue();
                    for (int c = 0; c < manifest.classLabels().size(); c++) {
                        double expected = row.get("probabilities").get(manifest.classLabels().get(c)).asDouble();
                        worst = Math.max(worst, Math.abs(p[0][c] - expected));
                    }
                } finally {
                    feed.values().forEach(OnnxTensor::close);
                }
            }
            // queue predicts from the stored float16 vectors (ADR 0017); the export rounds its vector there too
            assertTrue(worst < 1e-4, "largest difference to queue's probabilities: " + worst);
            System.out.println("text export vs queue: largest probability difference " + worst);
        }

        // the export starts a new project, whose first pre-labels are its own classes
        Path fresh = dir.resolve("fresh.querent");
        ok("init", fresh.toString(), "--data", dir.resolve("data").toString(), "--model",
                exported.resolve("model.json").toString(), "--labels", String.join(",", TestData.emailLabels()));
        ok("import", fresh.toString());
        ok("score", fresh.toString());
        JsonNode first = JSON.readTree(ok("queue", fresh.toString(), "--format", "json", "--size", "48").out());
        assertEquals(48, first.size());
        int right = 0;
        for (JsonNode row : first) {
            assertEquals("model classes", row.get("model_version").asText());
            right += truth.get(row.get("path").asText()).equals(row.get("pre_label").asText()) ? 1 : 0;
        }
        assertTrue(right >= 40, "the exported head pre-labels its own training emails: " + right + " of 48 right");

        // predict without a project: the same labels as the fresh project's pre-labels, for every item
        java.io.ByteArrayOutputStream progress = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        Run predicted;
        System.setErr(new java.io.PrintStream(progress, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            predicted = ok("predict", "--model", exported.toString(), "--data", dir.resolve("data").toString(),
                    "--out", dir.resolve("predictions.csv").toString());
        } finally {
            System.setErr(stderr);
        }
        assertTrue(predicted.out().contains("predicted 48 items (6 labels)"), predicted.out());
        assertTrue(progress.toString(java.nio.charset.StandardCharsets.UTF_8).contains("predict: 48/48 (100%)"),
                "a progress line: " + progress);
        List<String> csv = Files.readAllLines(dir.resolve("predictions.csv"));
        assertEquals("item,label,confidence," + String.join(",", TestData.emailLabels().stream().map(l -> "p_" + l).toList()),
                csv.get(0));
        assertEquals(49, csv.size());
        Map<String, String> preLabels = new HashMap<>();
        first.forEach(row -> preLabels.put(row.get("path").asText(), row.get("pre_label").asText()));
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",");
            assertEquals(preLabels.get(cells[0]), cells[1], line);
        }
        Path one = dir.resolve("data").resolve(truth.keySet().iterator().next());
        ok("predict", "--model", exported.resolve("model.json").toString(), "--data", one.toString(),
                "--out", dir.resolve("one.jsonl").toString());
        JsonNode only = JSON.readTree(Files.readAllLines(dir.resolve("one.jsonl")).get(0));
        assertEquals(one.getFileName().toString(), only.get("item").asText());
        assertEquals(6, only.get("probabilities").size());

        // a manifest without classes, and a model folder with a missing file, are refused naming what to do
        Run noClasses = cli("predict", "--model", "builtin:minilm", "--data", dir.resolve("data").toString(),
                "--out", dir.resolve("x.csv").toString());
        assertEquals(2, noClasses.code(), noClasses.toString());
        assertTrue(noClasses.err().contains("has no \"classes\" block"), noClasses.err());
        assertFalse(Files.exists(dir.resolve("x.csv")));
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.copy(exported.resolve("model.json"), broken.resolve("model.json"));
        Files.copy(exported.resolve("tokenizer.json"), broken.resolve("tokenizer.json"));
        Run missing = cli("predict", "--model", broken.toString(), "--data", dir.resolve("data").toString(),
                "--out", dir.resolve("y.csv").toString());
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.err().contains("model.onnx"), missing.err());
        assertFalse(Files.exists(dir.resolve("y.csv")));
    }

    @Test
    void pcaImageExportMatchesQueueOnRawPixels(@TempDir Path dir) throws Exception {
        Path sample = Path.of("sample-projects", "fashion");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        List<String> lines = Files.readAllLines(sample.resolve("ground-truth.csv"));
        StringBuilder tsv = new StringBuilder();
        List<String> labels = new ArrayList<>();
        for (String line : lines.subList(1, 121)) {
            String[] cells = line.split(",");
            Files.copy(sample.resolve("data").resolve(cells[0]), data.resolve(cells[0]));
            if (!labels.contains(cells[1])) {
                labels.add(cells[1]);
            }
            tsv.append(cells[0]).append('\t').append(cells[1]).append('\n');
        }
        List<String> tsvLines = List.of(tsv.toString().split("\n"));
        Files.writeString(dir.resolve("labels.tsv"), String.join("\n", tsvLines.subList(0, 100)) + "\n");
        ok("build-image-model", "--images", data.toString(), "--out", dir.resolve("pca").toString(), "--components", "32");
        Path project = dir.resolve("fashion.querent");
        ok("init", project.toString(), "--data", data.toString(), "--model", dir.resolve("pca/model.json").toString(),
                "--labels", String.join(",", labels));
        ok("import", project.toString());
        ok("score", project.toString());
        ok("label", project.toString(), "--from", dir.resolve("labels.tsv").toString());
        ok("train", project.toString());
        Path exported = dir.resolve("exported");
        Run export = ok("export-model", project.toString(), "--out", exported.toString());
        assertTrue(export.out().contains("largest probability difference"), export.out());
        ModelManifest manifest = ModelManifest.read(exported.resolve("model.json"));
        assertEquals(1.0, manifest.image().scale(), "the export scales pixels itself");
        assertFalse(Files.exists(exported.resolve("tokenizer.json")));

        JsonNode queue = JSON.readTree(ok("queue", project.toString(), "--format", "json", "--size", "20").out());
        assertEquals(20, queue.size());
        try (OrtEnvironment env = OrtEnvironment.getEnvironment();
             OrtSession session = env.createSession(exported.resolve("model.onnx").toString(), new OrtSession.SessionOptions())) {
            float[] pixels = new float[queue.size() * 28 * 28];
            for (int i = 0; i < queue.size(); i++) {
                BufferedImage image = ImageIO.read(data.resolve(queue.get(i).get("path").asText()).toFile());
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        pixels[i * 784 + y * 28 + x] = image.getRaster().getSample(x, y, 0);
                    }
                }
            }
            try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), new long[] {queue.size(), 1, 28, 28});
                 OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), input))) {
                float[][] p = (float[][]) result.get("probabilities").orElseThrow().getValue();
                double worst = 0;
                for (int i = 0; i < queue.size(); i++) {
                    for (int c = 0; c < labels.size(); c++) {
                        worst = Math.max(worst, Math.abs(p[i][c]
                                - queue.get(i).get("probabilities").get(manifest.classLabels().get(c)).asDouble()));
                    }
                }
                // queue predicts from the stored float16 vectors (ADR 0017); the export rounds its vector there too
                assertTrue(worst < 1e-4, "largest difference to queue's probabilities: " + worst);
                System.out.println("PCA image export vs queue: largest probability difference " + worst);
            }
        }
    }

    @Test
    void predictTakesAnyManifestWithClasses(@TempDir Path dir) throws Exception {
        Path model = TinyModels.imageClassifier(dir.resolve("tiny"), 4, 4, 1, ModelManifest.Layout.NCHW);
        Path images = Files.createDirectories(dir.resolve("images"));
        TestImages.flat(images.resolve("white.png"), 4, 4, 250);
        TestImages.flat(images.resolve("black.png"), 4, 4, 5);
        Run run = ok("predict", "--model", model.toString(), "--data", images.toString(), "--out",
                dir.resolve("p.jsonl").toString());
        assertTrue(run.out().contains("predicted 2 items (2 labels)"), run.out());
        Map<String, String> label = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("p.jsonl"))) {
            JsonNode row = JSON.readTree(line);
            label.put(row.get("item").asText(), row.get("label").asText());
        }
        assertEquals(Map.of("white.png", "light", "black.png", "dark"), label);
        Run wrongKind = cli("predict", "--model", model.toString(), "--data", TestData.EMAILS.resolve("data").toString(),
                "--out", dir.resolve("q.csv").toString());
        assertEquals(2, wrongKind.code(), wrongKind.toString());
        assertTrue(wrongKind.err().contains("reads image but"), wrongKind.err());
        Run badOut = cli("predict", "--model", model.toString(), "--data", images.toString(), "--out", "p.txt");
        assertEquals(2, badOut.code(), badOut.toString());
        assertTrue(badOut.err().contains("must end in .csv or .jsonl"), badOut.err());
    }

    @Test
    void aProjectWithoutATrainedVersionIsRefusedWithTheFix(@TempDir Path dir) {
        TestData.copyEmails(dir.resolve("data"), 1);
        Path project = dir.resolve("p.querent");
        ok("init", project.toString(), "--data", dir.resolve("data").toString(), "--labels", "a,b");
        Run run = cli("export-model", project.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("run 'querent train' first"), run.err());
        assertFalse(Files.exists(dir.resolve("out").resolve("model.onnx")));
    }
}
