package dev.speckitty.architecture.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.speckitty.architecture.ProductionClasses;

/**
 * A command parses its options, calls one application use case and renders the result (issue 13):
 * the ports are the use cases' business, so no command reaches one directly.
 */
@AnalyzeClasses(locations = ProductionClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ThinCommandsTest {

    @ArchTest
    static final ArchRule commands_go_through_use_cases = noClasses()
            .that().resideInAPackage("dev.speckitty.shell..command..")
            .should().dependOnClassesThat().resideInAPackage("dev.speckitty.domain.port..")
            .as("commands drive application use cases and depend on no domain port");
}
