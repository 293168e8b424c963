package dev.speckitty.architecture.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.speckitty.architecture.ProductionClasses;

/**
 * Domain ports are implemented by adapters only: the composition root wires port beans, it does
 * not implement them (the hosted ports once lived in shell-app's config/HostedServices; issue 13).
 */
@AnalyzeClasses(locations = ProductionClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class PortImplementationsTest {

    private static final DescribedPredicate<JavaClass> A_DOMAIN_PORT = DescribedPredicate.describe(
            "a domain port", type -> type.isInterface() && type.getPackageName().startsWith("dev.speckitty.domain.port"));

    @ArchTest
    static final ArchRule ports_are_implemented_by_adapters = classes()
            .that().implement(A_DOMAIN_PORT)
            .should().resideInAPackage("dev.speckitty.adapters..")
            .as("domain ports are implemented in adapters-storage, adapters-repository or adapters-hosted, never in the shell or application");
}
