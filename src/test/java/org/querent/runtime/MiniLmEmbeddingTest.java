package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbeddingTest {
    private static EmbeddingModel model;

    @BeforeAll
    static void open() {
        model = ModelLoader.open(BuiltinModels.MINILM, Path.of("."));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static float[][] embed(String... texts) {
        return model.embed(List.of(texts).stream().map(ModelInput::text).toList()).embeddings();
    }

    @Test
    void describesItselfAsA384DimensionalTextModelOnTheCpu() {
        ModelInfo info = model.info();
        assertEquals(384, info.dimension());
        assertTrue(info.isText());
        assertEquals("CPU", info.executionProvider());
        assertEquals(List.of(), info.classLabels());
        assertEquals(64, info.hash().length());
        assertEquals(info.hash(), ModelLoader.resolveHash(BuiltinModels.MINILM, Path.of(".")));
    }

    @Test
    void embeddingsHaveUnitNormAndNoClassScores() {
        ModelOutput output = model.embed(List.of(ModelInput.text("hello world"), ModelInput.text("")));
        assertNull(output.classScores());
        for (float[] v : output.embeddings()) {
            assertEquals(384, v.length);
            assertEquals(1.0, Math.sqrt(VectorMath.dot(v, v)), 1e-5);
        }
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        float[][] v = embed("the cat sat on the mat", "a kitten was sitting on a rug", "quarterly tax report");
        double similar = VectorMath.dot(v[0], v[1]);
        double unrelated = VectorMath.dot(v[0], v[2]);
        assertTrue(similar > unrelated + 0.2, "similar " + similar + " vs unrelated " + unrelated);
    }

    @Test
    void batchedResultEqualsOneByOneResultSoPaddingIsMasked() {
        String[] texts = {"short", "a somewhat longer sentence with more tokens in it than the first",
            "medium length text here", "x"};
        float[][] batched = embed(texts);
        for (int i = 0; i < texts.length; i++) {
            assertArrayEquals(embed(texts[i])[0], batched[i], 1e-4f, "text " + i);
        }
    }

    @Test
    void veryLongTextIsTruncatedToTheTokenBudget() {
        String longText = "word ".repeat(200_000);
        float[][] v = embed(longText, "word ".repeat(300));
        assertEquals(1.0, Math.sqrt(VectorMath.dot(v[0], v[0])), 1e-5);
        // both are cut to the same 128 tokens, so they embed identically
        assertArrayEquals(v[1], v[0], 1e-4f);
    }
}
