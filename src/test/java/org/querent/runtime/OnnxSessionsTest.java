package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.runtime.ModelManifest.Layout;

class OnnxSessionsTest {
    @TempDir
    Path dir;

    @Test
    void cudaRequestWithoutCudaFallsBackToCpuWithOneMessage() {
        Assumptions.assumeFalse(Runtimes.cudaBuildAvailable(), "this machine's ORT build has CUDA");
        Path model = TinyModels.imageClassifier(dir, 4, 4, 1, Layout.NCHW);
        List<String> notices = new CopyOnWriteArrayList<>();
        RuntimeOptions gpu = RuntimeOptions.defaults().withGpu(true).withListener(notices::add);
        try (EmbeddingModel m = ModelLoader.open(model.toString(), dir, gpu)) {
            assertEquals("CPU", m.info().executionProvider());
        }
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("GPU (CUDA) is not available"), notices.get(0));
        assertTrue(notices.get(0).endsWith("running model.onnx on the CPU instead."), notices.get(0));
    }

    @Test
    void cpuByDefaultWithoutMessages() {
        Path model = TinyModels.imageClassifier(dir, 4, 4, 1, Layout.NCHW);
        List<String> notices = new CopyOnWriteArrayList<>();
        try (EmbeddingModel m = ModelLoader.open(model.toString(), dir, RuntimeOptions.defaults().withListener(notices::add))) {
            assertEquals("CPU", m.info().executionProvider());
        }
        assertEquals(List.of(), notices);
    }

    @Test
    void oneEnvironmentPerProcess() {
        assertSame(Runtimes.environment(), Runtimes.environment());
    }
}
