package org.querent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers point one way: app -> {ui, cli} -> session -> {project, ingest, runtime, learn, query} -> store -> common. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.querent");
    }

    @Test
    void coreCodeDoesNotUseTheGui() {
        noClasses().that().resideOutsideOfPackages("org.querent.ui..", "org.querent.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.querent.ui..")
                .because("the engine must run headless and be testable without a display")
                .check(classes);
    }

    @Test
    void coreCodeDoesNotUseTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("org.querent.cli..", "org.querent.app..")
                .should().dependOnClassesThat().resideInAnyPackage("org.querent.cli..", "picocli..")
                .because("the command line is one front end among two; services must not know about it")
                .check(classes);
    }

    @Test
    void learnAndQueryArePlainArrayCode() {
        noClasses().that().resideInAnyPackage("org.querent.learn..", "org.querent.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.querent.store..", "org.querent.project..",
                        "org.querent.session..", "org.querent.runtime..", "org.querent.ingest..", "java.sql..",
                        "ai.onnxruntime..")
                .because("heads and strategies are pure functions of arrays: fast to test, easy to reuse")
                .check(classes);
    }

    @Test
    void onlyTheRuntimeTouchesOnnxRuntime() {
        noClasses().that().resideOutsideOfPackage("org.querent.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.onnxruntime..", "ai.djl..")
                .because("one package owns the native runtime, its environment and its errors")
                .check(classes);
    }

    @Test
    void onlyTheStoreSpeaksSql() {
        noClasses().that().resideOutsideOfPackage("org.querent.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .because("SQL lives in one place, behind repositories")
                .check(classes);
    }

    @Test
    void theStoreDependsOnNothingAboveIt() {
        noClasses().that().resideInAnyPackage("org.querent.store..", "org.querent.common..")
                .should().dependOnClassesThat().resideInAnyPackage("org.querent.session..", "org.querent.project..",
                        "org.querent.ingest..", "org.querent.runtime..", "org.querent.learn..", "org.querent.query..")
                .check(classes);
    }
}
