package org.querent;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layers, stated once: {@code app -> {ui, cli} -> session -> {project, ingest, runtime, simulate} -> {learn, query}
 * -> store -> common}, with learn and query on common alone, and no cycle between any two packages (see
 * docs/adr/0009-layers-as-one-rule.md).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.querent");
    }

    /** Values that travel up through session (records and enums) may be read by the UI; it calls no lower service. */
    private static final DescribedPredicate<JavaClass> A_VALUE = DescribedPredicate.describe(
            "a record or enum of a lower layer", c -> c.isRecord() || c.isEnum()
                    || (c.isInterface() && c.getSimpleName().endsWith("Listener")));

    /** Every layer's callers, strictly: no call is frozen or excused (the wizard's setup lives in session.setup). */
    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy("org.querent.app..")
                .layer("Ui").definedBy("org.querent.ui..")
                .layer("Cli").definedBy("org.querent.cli..")
                .layer("Session").definedBy("org.querent.session..")
                .layer("Services").definedBy("org.querent.project..", "org.querent.ingest..",
                        "org.querent.runtime..", "org.querent.simulate..", "org.querent.team..",
                        "org.querent.interop..")
                .layer("Learning").definedBy("org.querent.learn..", "org.querent.query..")
                .layer("Store").definedBy("org.querent.store..")
                .layer("Common").definedBy("org.querent.common..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Session").mayOnlyBeAccessedByLayers("App", "Ui", "Cli")
                .whereLayer("Services").mayOnlyBeAccessedByLayers("App", "Cli", "Session")
                .whereLayer("Learning").mayOnlyBeAccessedByLayers("App", "Cli", "Session", "Services")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("App", "Cli", "Session", "Services")
                .whereLayer("Learning").mayOnlyAccessLayers("Common")
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("org.querent.ui.."), A_VALUE)
                .because("the UI talks to session, never to a repository or a lower service; the engine below "
                        + "runs headless and knows no front end; heads and strategies are pure functions of arrays")
                .check(classes);
    }

    @Test
    void theUiGetsItsServicesFromTheOpenProjectNotItsLowerLayers() {
        noClasses().that().resideInAPackage("org.querent.ui..")
                .should().callMethod(org.querent.session.OpenProject.class, "project")
                .because("screens take their services from OpenProject (the composition of one open project), "
                        + "never the Project and its repositories")
                .check(classes);
    }

    @Test
    void noPackagesFormACycle() {
        slices().matching("org.querent.(**)").should().beFreeOfCycles()
                .because("a cycle makes two packages one: neither can be understood, tested or changed alone")
                .check(classes);
    }

    @Test
    void coreCodeDoesNotUseTheGuiOrTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("org.querent.ui..", "org.querent.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .because("the engine must run headless and be testable without a display")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.querent.cli..", "org.querent.app..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .because("the command line is one front end among two; services must not know about it")
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
}
