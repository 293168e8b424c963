package dev.speckitty.architecture.testfixtures;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.speckitty.architecture.ProductionClasses;

/**
 * No production class refers to the test doubles, even where a module has them on its test class path.
 * (Were test-fixtures on the production class path, the layering rule would also fail: its package is
 * in no layer.)
 */
@AnalyzeClasses(locations = ProductionClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ProductionIgnoresTestFixturesTest {

    @ArchTest
    static final ArchRule production_code_never_uses_test_fixtures = noClasses()
            .that().resideInAPackage(ProductionClasses.ROOT_PACKAGE + "..")
            .should().dependOnClassesThat().resideInAPackage("dev.speckitty.testfixtures..")
            .as("production code never depends on the test doubles of test-fixtures");
}
