package io.shopsaga.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The layering rules of style.md, checked the same way in every service. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /**
     * The {@code domain} package of a service imports no web, messaging or persistence code, and no
     * Spring: it can be read and tested on its own.
     */
    public static void assertDomainIsIndependent(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "org.apache.kafka..", "tools.jackson..",
                        servicePackage + ".api..", servicePackage + ".persistence..", servicePackage + ".messaging..",
                        servicePackage + ".application..")
                .allowEmptyShould(false)
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + ".api..")
                .should().dependOnClassesThat().resideInAPackage(servicePackage + ".persistence..")
                .check(classes);
    }
}
