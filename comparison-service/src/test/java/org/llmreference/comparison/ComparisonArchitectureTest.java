package org.llmreference.comparison;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * comparison-service is packaged by feature, and its domain types import neither Spring web nor BSON: HTTP
 * stays in the {@code web} packages, MongoDB in the repository adapters. No two packages depend on
 * each other.
 */
class ComparisonArchitectureTest {

    static final JavaClasses COMPARISON = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.llmreference.comparison");

    /** Where HTTP is spoken. */
    static final DescribedPredicate<JavaClass> WEB = JavaClass.Predicates.resideInAPackage("..web..");

    /** The repository adapters: the only types that read or write MongoDB documents. */
    static final DescribedPredicate<JavaClass> REPOSITORY_ADAPTERS = classes(
            "org.llmreference.comparison.pairs.CuratedPairs",
            "org.llmreference.comparison.comparisons.Comparisons",
            "org.llmreference.comparison.comparisons.PublishingProgress",
            "org.llmreference.comparison.sources.StoredPriceList",
            "org.llmreference.comparison.sources.StoredModel",
            "org.llmreference.comparison.sources.SourceProjections",
            "org.llmreference.comparison.sources.RouteSnapshotCodec");

    @Test
    void onlyTheWebLayerUsesSpringWeb() {
        noClasses().that(not(WEB)).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .check(COMPARISON);
    }

    @Test
    void onlyTheRepositoryAdaptersUseBsonOrTheMongoDbDriver() {
        noClasses().that(not(REPOSITORY_ADAPTERS)).should().dependOnClassesThat()
                .resideInAnyPackage("org.bson..", "com.mongodb..")
                .check(COMPARISON);
    }

    @Test
    void packagesAreFreeOfCycles() {
        // Curation (pairs) and the source listeners (sources) hand their changes to comparisons, which reads
        // back every curated pair and every source through its own interfaces (Curations, Sources).
        slices().matching("org.llmreference.comparison.(*)..").should().beFreeOfCycles().check(COMPARISON);
    }

    /** The named classes and the classes nested in them. */
    private static DescribedPredicate<JavaClass> classes(String... names) {
        List<String> all = List.of(names);
        return DescribedPredicate.describe("one of " + all, type -> all.stream()
                .anyMatch(name -> type.getName().equals(name) || type.getName().startsWith(name + "$")));
    }
}
