package org.llmreference.catalog;

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
 * catalog-service is packaged by feature, and its domain types import neither Spring web nor BSON: HTTP
 * stays in the {@code web} packages, MongoDB in the repository adapters. No two packages depend on
 * each other.
 */
class CatalogArchitectureTest {

    static final JavaClasses CATALOG = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.llmreference.catalog");

    /** Where HTTP is spoken. */
    static final DescribedPredicate<JavaClass> WEB = JavaClass.Predicates.resideInAPackage("..web..");

    /** The repository adapters: the only types that read or write MongoDB documents. */
    static final DescribedPredicate<JavaClass> REPOSITORY_ADAPTERS = classes(
            "org.llmreference.catalog.models.Models",
            "org.llmreference.catalog.models.ModelDocuments",
            "org.llmreference.catalog.accounts.Accounts",
            "org.llmreference.catalog.imports.ImportRuns",
            "org.llmreference.catalog.audit.AuditTrailConfiguration");

    @Test
    void onlyTheWebLayerUsesSpringWeb() {
        noClasses().that(not(WEB)).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .check(CATALOG);
    }

    @Test
    void onlyTheRepositoryAdaptersUseBsonOrTheMongoDbDriver() {
        noClasses().that(not(REPOSITORY_ADAPTERS)).should().dependOnClassesThat()
                .resideInAnyPackage("org.bson..", "com.mongodb..")
                .check(CATALOG);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.llmreference.catalog.(*)..").should().beFreeOfCycles().check(CATALOG);
    }

    /** The named classes and the classes nested in them. */
    private static DescribedPredicate<JavaClass> classes(String... names) {
        List<String> all = List.of(names);
        return DescribedPredicate.describe("one of " + all, type -> all.stream()
                .anyMatch(name -> type.getName().equals(name) || type.getName().startsWith(name + "$")));
    }
}
