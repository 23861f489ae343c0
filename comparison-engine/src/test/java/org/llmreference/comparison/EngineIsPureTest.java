package org.llmreference.comparison;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The engine is pure: the same inputs always give the same comparison, so a content hash can tell
 * a real change from a replay. No framework, no I/O, no clock, no randomness.
 */
class EngineIsPureTest {

    static final JavaClasses ENGINE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.llmreference.comparison");

    @Test
    void usesNoFrameworkAndNoInputOrOutput() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                "org.bson..", "org.apache.kafka..", "java.io..", "java.nio.file..", "java.net..", "java.sql..")
                .check(ENGINE);
    }

    @Test
    void readsNoClockAndDrawsNoRandomNumbers() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("now()",
                        call -> call.getName().equals("now") && call.getTarget().getOwner().getPackageName().equals("java.time")))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.UUID")
                .check(ENGINE);
    }
}
