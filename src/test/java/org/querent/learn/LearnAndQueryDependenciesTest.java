package org.querent.learn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** learn and query take plain arrays in and give plain arrays out: they see only the JDK and common. */
class LearnAndQueryDependenciesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.querent.learn", "org.querent.query");

    @Test
    void learnDependsOnlyOnTheJdkAndCommon() {
        classes().that().resideInAPackage("org.querent.learn..")
                .and().resideOutsideOfPackage("org.querent.learn.graph")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.querent.common..",
                        "org.querent.learn..")
                .because("heads are reused by the session, the CLI and tests without ONNX, SQLite or JavaFX")
                .check(MAIN);
    }

    @Test
    void onlyOneClassKnowsTheNearestNeighbourLibrary() {
        classes().that().resideInAPackage("org.querent.learn.graph")
                .and().doNotHaveFullyQualifiedName("org.querent.learn.graph.JVectorNeighbourSearch")
                .and().haveNameNotMatching(".*JVectorNeighbourSearch\\$.*")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.querent.common..",
                        "org.querent.learn.graph..")
                .because("the approximate-nearest-neighbour library is swapped by rewriting one file")
                .check(MAIN);
    }

    @Test
    void queryDependsOnlyOnTheJdkAndCommon() {
        classes().that().resideInAPackage("org.querent.query..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.querent.common..",
                        "org.querent.query..")
                .because("strategies are pure functions of probabilities, embeddings and a seed")
                .check(MAIN);
    }
}
