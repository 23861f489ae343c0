package org.llmreference.pricing;

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
 * pricing-service is packaged by feature, and its domain types import neither Spring web nor BSON: HTTP
 * stays in the {@code web} packages, MongoDB in the repository adapters. No two packages depend on
 * each other.
 */
class PricingArchitectureTest {

    static final JavaClasses PRICING = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.llmreference.pricing");

    /** Where HTTP is spoken. */
    static final DescribedPredicate<JavaClass> WEB = JavaClass.Predicates.resideInAPackage("..web..");

    /** The repository adapters: the only types that read or write MongoDB documents. */
    static final DescribedPredicate<JavaClass> REPOSITORY_ADAPTERS = classes(
            "org.llmreference.pricing.providers.Providers",
            "org.llmreference.pricing.models.KnownModels",
            "org.llmreference.pricing.models.KnownModel",
            "org.llmreference.pricing.routes.PriceLists",
            "org.llmreference.pricing.routes.PriceListDocuments",
            "org.llmreference.pricing.routes.sync.SyncConflicts",
            "org.llmreference.pricing.audit.AuditTrailConfiguration");

    @Test
    void onlyTheWebLayerUsesSpringWeb() {
        noClasses().that(not(WEB)).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .check(PRICING);
    }

    @Test
    void onlyTheRepositoryAdaptersUseBsonOrTheMongoDbDriver() {
        noClasses().that(not(REPOSITORY_ADAPTERS)).should().dependOnClassesThat()
                .resideInAnyPackage("org.bson..", "com.mongodb..")
                .check(PRICING);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.llmreference.pricing.(*)..").should().beFreeOfCycles().check(PRICING);
    }

    /** The named classes and the classes nested in them. */
    private static DescribedPredicate<JavaClass> classes(String... names) {
        List<String> all = List.of(names);
        return DescribedPredicate.describe("one of " + all, type -> all.stream()
                .anyMatch(name -> type.getName().equals(name) || type.getName().startsWith(name + "$")));
    }
}
