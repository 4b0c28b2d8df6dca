package org.querent.ui.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.ingest.QuarantinedItem;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.runtime.BuiltinModels;
import org.querent.runtime.ModelManifest;
import org.querent.runtime.TinyModels;
import org.querent.store.LabelDefinition;
import org.querent.ui.task.DirectTaskRunner;
import org.querent.session.setup.DatasetSummary;
import org.querent.session.setup.ModelFiles;

/** The wizard's view-model on real folders and real services, with background work run in place. */
class NewProjectViewModelTest {
    @TempDir
    Path temp;

    private final NewProjectViewModel vm = new NewProjectViewModel(new DirectTaskRunner());

    @Test
    void scanCountsEachKindAndListsQuarantinedFilesWithReasons() {
        Path data = WizardFolders.mixed(temp);
        scan(data);

        DatasetSummary summary = vm.dataset().summary();
        assertEquals(1, summary.images());
        assertEquals(1, summary.texts());
        assertEquals(1, summary.unsupportedCount());
        List<String> keys = vm.dataset().quarantined().stream().map(QuarantinedItem::key).toList();
        assertEquals(List.of("cut.png", "empty.txt"), keys.stream().sorted().toList());
        assertTrue(reasonOf("cut.png").contains("could not be decoded"), reasonOf("cut.png"));
        assertEquals("empty file", reasonOf("empty.txt"));
        assertTrue(vm.dataset().scanStatusProperty().get().contains("1 unsupported file (.docx)"));
        assertEquals(temp.resolve("mixed.querent").toString(), vm.dataset().projectFileProperty().get());
        assertTrue(vm.canGoNextProperty().get());
    }

    @Test
    void datasetPageStaysInvalidForAMissingFolderOrAnExistingProjectFile() throws Exception {
        vm.dataset().folderProperty().set(temp.resolve("nowhere").toString());
        vm.dataset().scan();
        assertFalse(vm.canGoNextProperty().get());
        assertTrue(vm.dataset().folderErrorProperty().get().contains("does not exist"));

        vm.dataset().folderProperty().set("relative/path");
        assertTrue(vm.dataset().folderErrorProperty().get().startsWith("Give the full path"));

        scan(WizardFolders.textsWithCorruptImage(temp));
        Files.writeString(temp.resolve("taken.querent"), "");
        vm.dataset().projectFileProperty().set(temp.resolve("taken.querent").toString());
        assertEquals("A file with this name exists already: choose another name.",
                vm.dataset().projectFileErrorProperty().get());
        assertFalse(vm.canGoNextProperty().get());
        vm.dataset().projectFileProperty().set(temp.resolve("fresh.querent").toString());
        assertTrue(vm.canGoNextProperty().get());
    }

    @Test
    void editingTheFolderMakesTheScanStaleUntilItIsScannedAgain() {
        Path data = WizardFolders.textsWithCorruptImage(temp);
        scan(data);
        vm.dataset().folderProperty().set(data + "/");
        assertTrue(vm.dataset().needsScan());
        assertFalse(vm.canGoNextProperty().get());
        vm.dataset().scan();
        assertTrue(vm.canGoNextProperty().get());
    }

    @Test
    void textsMakeTheBuiltinEncoderTheDefaultAndImagesOnlyRuleItOut() {
        scan(WizardFolders.textsWithCorruptImage(temp));
        vm.next();
        assertEquals(WizardStep.MODEL, vm.stepProperty().get());
        assertEquals(ModelSource.BUILTIN, vm.model().sourceProperty().get());
        assertTrue(vm.model().validProperty().get());
        assertEquals(BuiltinModels.MINILM, vm.model().modelReference());

        NewProjectViewModel images = new NewProjectViewModel(new DirectTaskRunner());
        images.dataset().folderProperty().set(WizardFolders.images(temp).toString());
        images.dataset().scan();
        assertEquals(ModelSource.FILE, images.model().sourceProperty().get());
        images.model().sourceProperty().set(ModelSource.BUILTIN);
        assertFalse(images.model().validProperty().get());
        assertTrue(images.model().modelErrorProperty().get().contains("only images"));
    }

    @Test
    void anOnnxFileWithoutManifestGetsAPrefilledFormCheckedAgainstItsSignature() throws Exception {
        ModelStepModel model = imageModelStep();
        ManifestFormModel form = model.form();
        assertTrue(model.needsManifestProperty().get());
        assertEquals("8", form.widthProperty().get());
        assertEquals("6", form.heightProperty().get());
        assertEquals("1", form.channelsProperty().get());
        assertEquals(ModelManifest.Layout.NCHW, form.layoutProperty().get());
        assertEquals(List.of(TinyModels.EMBEDDING, TinyModels.LOGITS), form.outputs());
        assertTrue(model.validProperty().get(), () -> String.valueOf(form.signatureErrorProperty().get()));

        form.widthProperty().set("eight");
        assertEquals("Width in pixels, e.g. 224.", form.errorProperty(ManifestField.WIDTH).get());
        assertFalse(model.validProperty().get());

        form.widthProperty().set("10");
        assertNull(form.errorProperty(ManifestField.WIDTH).get());
        assertTrue(form.signatureErrorProperty().get().contains("[-1, 1, 6, 8]"),
                form.signatureErrorProperty().get());
        assertFalse(model.validProperty().get());

        form.widthProperty().set("8");
        form.meanProperty().set("0, 0");
        assertTrue(form.errorProperty(ManifestField.MEAN).get().startsWith("One mean per channel"));
        form.meanProperty().set("0");
        form.withClassesProperty().set(true);
        form.classOutputProperty().set(TinyModels.LOGITS);
        form.classLabelsProperty().set("light, dark, grey");
        assertTrue(form.signatureErrorProperty().get().contains("lists 3 labels"));
        form.classLabelsProperty().set("light, dark");
        assertTrue(model.validProperty().get());
        assertEquals(List.of("light", "dark"), model.manifestToWrite().classLabels());
    }

    @Test
    void anExistingManifestIsValidatedAndUsedAsIs() {
        Path manifest = TinyModels.imageClassifier(temp.resolve("model"), 8, 6, 1, ModelManifest.Layout.NCHW);
        ModelStepModel model = new ModelStepModel(new DirectTaskRunner(), new ModelFiles());
        model.datasetScanned(new DatasetSummary(temp, 3, 0, 0, java.util.Map.of(), List.of(), List.of()));
        model.sourceProperty().set(ModelSource.FILE);
        model.pathProperty().set(manifest.toString());
        model.inspect();
        assertFalse(model.needsManifestProperty().get());
        assertTrue(model.validProperty().get(), () -> model.modelErrorProperty().get());
        assertNull(model.manifestToWrite());
        assertEquals(manifest.toAbsolutePath().toString(), model.modelReference());
    }

    @Test
    void aTextModelWhoseTokenizerIsMissingIsRefusedWithTheCheckInitMakes() throws Exception {
        Path builtin = BuiltinModels.manifestFile(BuiltinModels.MINILM).getParent();
        Path folder = Files.createDirectories(temp.resolve("text-model"));
        Files.copy(builtin.resolve("model.json"), folder.resolve("model.json"));
        Files.createSymbolicLink(folder.resolve("model.onnx"), builtin.resolve("model.onnx"));
        ModelStepModel model = new ModelStepModel(new DirectTaskRunner(), new ModelFiles());
        model.datasetScanned(new DatasetSummary(temp, 0, 3, 0, java.util.Map.of(), List.of(), List.of()));
        model.sourceProperty().set(ModelSource.FILE);
        model.pathProperty().set(folder.resolve("model.json").toString());
        model.inspect();
        String error = model.modelErrorProperty().get();
        assertFalse(model.validProperty().get());
        assertTrue(error != null && error.contains("model file not found") && error.contains("tokenizer.json"),
                String.valueOf(error));

        Files.copy(builtin.resolve("tokenizer.json"), folder.resolve("tokenizer.json"));
        model.pathProperty().set(folder.resolve("model.onnx").toString());
        model.inspect();
        assertTrue(model.validProperty().get(), () -> model.modelErrorProperty().get());
    }

    @Test
    void keysMustBeSingleUnreservedAndUnique() {
        TaxonomyStepModel taxonomy = new TaxonomyStepModel();
        assertEquals(List.of("1", "2"), taxonomy.rows().stream().map(LabelRow::key).toList());
        taxonomy.rows().get(0).nameProperty().set("spam");
        taxonomy.rows().get(1).nameProperty().set("ham");
        assertTrue(taxonomy.validProperty().get());

        taxonomy.rows().get(1).keyProperty().set("S");
        assertTrue(taxonomy.rows().get(1).keyErrorProperty().get().contains("reserved"));
        assertFalse(taxonomy.validProperty().get());
        taxonomy.rows().get(1).keyProperty().set("12");
        assertEquals("one character only", taxonomy.rows().get(1).keyErrorProperty().get());
        taxonomy.rows().get(1).keyProperty().set("1");
        assertEquals("key 1 is used twice", taxonomy.rows().get(1).keyErrorProperty().get());
        taxonomy.rows().get(1).keyProperty().set("h");
        assertTrue(taxonomy.validProperty().get());

        taxonomy.rows().get(1).nameProperty().set("spam");
        assertEquals("'spam' is listed twice", taxonomy.rows().get(1).nameErrorProperty().get());
        taxonomy.remove(taxonomy.rows().get(1));
        assertEquals("A taxonomy needs at least two labels.", taxonomy.problemProperty().get());
    }

    @Test
    void defaultKeysRunThroughDigitsThenLettersSkippingReservedOnes() {
        List<String> used = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            used.add(HotkeyRules.nextFree(used));
        }
        // a (approve), e (escalate) and g (guideline) are commands of the one key table, as the workstation has them
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "b", "c", "d", "h"), used);
        for (String command : List.of("s", "f", "n", "e", "r", "g", "z", "a", "x")) {
            assertFalse(HotkeyRules.DEFAULT_ORDER.contains(command), command);
            assertTrue(HotkeyRules.problem(command) != null, command);
        }
    }

    @Test
    void rowsMoveUpAndDownAndFolderNamesBecomeLabels() {
        scan(WizardFolders.textsWithCorruptImage(temp));
        TaxonomyStepModel taxonomy = vm.taxonomy();
        assertEquals(List.of("ham", "spam"), taxonomy.folderNames());
        taxonomy.rows().get(0).nameProperty().set("spam");
        taxonomy.rows().get(0).descriptionProperty().set("unwanted mail");
        taxonomy.useFolderNames();
        assertEquals(List.of("ham", "spam"), taxonomy.rows().stream().map(LabelRow::name).toList());
        assertEquals("unwanted mail", taxonomy.rows().get(1).description());
        assertTrue(taxonomy.labelsFromFoldersProperty().get());

        taxonomy.moveDown(taxonomy.rows().get(0));
        assertEquals(List.of("spam", "ham"), taxonomy.rows().stream().map(LabelRow::name).toList());
        assertEquals(List.of("2", "1"), taxonomy.rows().stream().map(LabelRow::key).toList());
        taxonomy.rows().get(1).nameProperty().set("other");
        assertTrue(taxonomy.folderHintProperty().get().contains("ham"));
    }

    @Test
    void finishCreatesTheProjectWithLabelsItemsFolderLabelsAndGuideline() {
        Path data = WizardFolders.textsWithCorruptImage(temp);
        fillUpToGuideline(data);
        vm.guidelineProperty().set("# Spam\nUnsolicited offers.");
        List<Path> opened = new ArrayList<>();
        vm.finish(opened::add);

        Path file = temp.resolve("data.querent");
        assertNull(vm.finishErrorProperty().get());
        assertEquals(List.of(file), opened);
        assertTrue(Files.isRegularFile(temp.resolve("data-guideline.md")));
        try (Project project = new ProjectService(Clock.systemUTC()).open(file)) {
            assertEquals(List.of(new LabelDefinition("ham", "", "1"), new LabelDefinition("spam", "unwanted", "2")),
                    project.taxonomy().labels());
            assertEquals(6, project.items().countByState().get("active"));
            assertEquals(1, project.items().countByState().get("quarantined"));
            assertEquals(6, project.decisions().currentLabels().size());
            assertEquals(BuiltinModels.MINILM, project.settings().model());
        }
    }

    @Test
    void aFailedFinishIsReportedInlineAndKeepsEveryValue() throws Exception {
        Path data = WizardFolders.textsWithCorruptImage(temp);
        fillUpToGuideline(data);
        vm.guidelineProperty().set("keep me");
        Files.writeString(temp.resolve("data.querent"), "someone else's file");
        List<Path> opened = new ArrayList<>();
        vm.finish(opened::add);

        assertTrue(opened.isEmpty());
        assertTrue(vm.finishErrorProperty().get().startsWith("A file already exists"), vm.finishErrorProperty().get());
        assertEquals("someone else's file", Files.readString(temp.resolve("data.querent")));
        assertFalse(Files.exists(temp.resolve("data-guideline.md")));
        assertEquals("keep me", vm.guidelineProperty().get());
        assertEquals(2, vm.taxonomy().rows().size());
        assertFalse(vm.creatingProperty().get());

        Files.delete(temp.resolve("data.querent"));
        vm.finish(opened::add);
        assertEquals(List.of(temp.resolve("data.querent")), opened);
    }

    @Test
    void finishWritesTheModelJsonBesideTheOnnxFile() throws Exception {
        Path images = WizardFolders.images(temp);
        Path manifest = TinyModels.imageClassifier(temp.resolve("model"), 8, 8, 3, ModelManifest.Layout.NCHW);
        Files.delete(manifest);
        scan(images);
        vm.next();
        vm.model().pathProperty().set(manifest.resolveSibling("model.onnx").toString());
        vm.model().inspect();
        assertTrue(vm.model().validProperty().get(), () -> vm.model().form().signatureErrorProperty().get());
        vm.next();
        vm.taxonomy().rows().get(0).nameProperty().set("light");
        vm.taxonomy().rows().get(1).nameProperty().set("dark");
        vm.next();
        vm.finish(file -> { });

        assertNull(vm.finishErrorProperty().get());
        assertEquals(3, ModelManifest.read(manifest).image().channels());
        try (Project project = new ProjectService(Clock.systemUTC()).open(temp.resolve("images.querent"))) {
            assertEquals(3, project.items().countByState().get("active"));
        }
    }

    private void fillUpToGuideline(Path data) {
        scan(data);
        vm.next();
        vm.next();
        vm.taxonomy().useFolderNames();
        vm.taxonomy().rows().get(1).descriptionProperty().set("unwanted");
        vm.next();
        assertEquals(WizardStep.GUIDELINE, vm.stepProperty().get());
        assertTrue(vm.canFinishProperty().get());
    }

    private ModelStepModel imageModelStep() throws Exception {
        Path manifest = TinyModels.imageClassifier(temp.resolve("model"), 8, 6, 1, ModelManifest.Layout.NCHW);
        Files.delete(manifest);
        ModelStepModel model = new ModelStepModel(new DirectTaskRunner(), new ModelFiles());
        model.datasetScanned(new DatasetSummary(temp, 3, 0, 0, java.util.Map.of(), List.of(), List.of()));
        model.pathProperty().set(manifest.resolveSibling("model.onnx").toString());
        model.inspect();
        assertNotNull(model.inspectionProperty().get(), () -> model.pathErrorProperty().get());
        return model;
    }

    private void scan(Path data) {
        vm.dataset().folderProperty().set(data.toString());
        vm.dataset().scan();
    }

    private String reasonOf(String key) {
        return vm.dataset().quarantined().stream().filter(q -> q.key().equals(key)).findFirst().orElseThrow().reason();
    }
}
