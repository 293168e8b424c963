package dev.speckitty.architecture.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.speckitty.architecture.layering.InputOutputApis.inputOutputApis;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.speckitty.architecture.ProductionClasses;

/**
 * Domain and application are plain Java: no framework, no I/O. Naming only {@code java..} as allowed
 * rules out Spring, Jakarta, Jackson, Reactor, Netty and Bouncy Castle at once; the I/O rule then
 * narrows what of the JDK they may touch.
 */
@AnalyzeClasses(locations = ProductionClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class InnerHexagonPurityTest {

    @ArchTest
    static final ArchRule domain_uses_only_the_jdk = classes()
            .that().resideInAPackage("dev.speckitty.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.speckitty.domain..", "java..")
            .as("the domain depends on nothing of ours outside the domain and on no framework");

    @ArchTest
    static final ArchRule application_uses_only_domain_and_the_jdk = classes()
            .that().resideInAPackage("dev.speckitty.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.speckitty.application..", "dev.speckitty.domain..", "java..")
            .as("the application depends only on the domain and the JDK (no Spring)");

    @ArchTest
    static final ArchRule inner_hexagon_does_no_io = noClasses()
            .that().resideInAnyPackage("dev.speckitty.domain..", "dev.speckitty.application..")
            .should().dependOnClassesThat(inputOutputApis())
            .as("domain and application do no I/O; adapters do it behind the ports");
}
