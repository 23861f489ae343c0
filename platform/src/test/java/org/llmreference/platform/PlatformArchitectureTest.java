package org.llmreference.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The platform's packages depend on each other one way only, and HTTP stays where requests are
 * handled: {@code web}, {@code security} (the bearer-token filters) and {@code audit.web} (the trail's API).
 */
class PlatformArchitectureTest {

    static final JavaClasses PLATFORM = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.llmreference.platform");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.llmreference.platform.(*)..").should().beFreeOfCycles().check(PLATFORM);
    }

    @Test
    void onlyWebAndSecurityUseSpringWeb() {
        noClasses().that().resideOutsideOfPackages("..platform.web..", "..platform.security..", "..platform.config..",
                "..platform.audit.web..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
                .check(PLATFORM);
    }
}
