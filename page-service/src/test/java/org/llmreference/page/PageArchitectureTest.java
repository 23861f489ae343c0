package org.llmreference.page;

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
 * page-service is packaged by feature, and its domain types import neither Spring web nor BSON: HTTP
 * stays in the {@code web} packages (and {@code http}, the helpers of its responses, and the consistency endpoint), MongoDB in the repository adapters. No two packages depend on
 * each other.
 */
class PageArchitectureTest {

    static final JavaClasses PAGE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.llmreference.page");

    /** Where HTTP is spoken. */
    static final DescribedPredicate<JavaClass> WEB = JavaClass.Predicates.resideInAnyPackage("..web..", "..http..").or(classes("org.llmreference.page.audit.ConsistencyEndpoint"));

    /** The repository adapters: the only types that read or write MongoDB documents. */
    static final DescribedPredicate<JavaClass> REPOSITORY_ADAPTERS = classes(
            "org.llmreference.page.comparisons.Comparisons",
            "org.llmreference.page.comparisons.StoredComparison",
            "org.llmreference.page.pages.Pages",
            "org.llmreference.page.reach.PagesReached",
            "org.llmreference.page.audit.ConsistencyEndpoint",
            // its MongoDB probe: a ping every 2 s, to say when pages may be stale
            "org.llmreference.page.freshness.web.FreshnessWeb");

    @Test
    void onlyTheWebLayerUsesSpringWeb() {
        noClasses().that(not(WEB)).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .check(PAGE);
    }

    @Test
    void onlyTheRepositoryAdaptersUseBsonOrTheMongoDbDriver() {
        noClasses().that(not(REPOSITORY_ADAPTERS)).should().dependOnClassesThat()
                .resideInAnyPackage("org.bson..", "com.mongodb..")
                .check(PAGE);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.llmreference.page.(*)..").should().beFreeOfCycles().check(PAGE);
    }

    /** The named classes and the classes nested in them. */
    private static DescribedPredicate<JavaClass> classes(String... names) {
        List<String> all = List.of(names);
        return DescribedPredicate.describe("one of " + all, type -> all.stream()
                .anyMatch(name -> type.getName().equals(name) || type.getName().startsWith(name + "$")));
    }
}
