package dev.speckitty.architecture.layering;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.speckitty.architecture.ProductionClasses;

/** Dependencies point inwards (docs/architecture.md): shell → application/adapters → domain. */
@AnalyzeClasses(locations = ProductionClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalLayeringTest {

    @ArchTest
    static final ArchRule layers_depend_inwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            // Completeness of the import is pinned by ProductionImportCompletenessTest, so a layer
            // without classes really has none yet.
            .withOptionalLayers(true)
            // A new top-level package must be placed in a layer deliberately, not escape the rule.
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Domain").definedBy("dev.speckitty.domain..")
            .layer("Application").definedBy("dev.speckitty.application..")
            .layer("Storage adapter").definedBy("dev.speckitty.adapters.storage..")
            .layer("Repository adapter").definedBy("dev.speckitty.adapters.repository..")
            .layer("Hosted adapter").definedBy("dev.speckitty.adapters.hosted..")
            .layer("Shell").definedBy("dev.speckitty.shell..")
            .layer("Emulator").definedBy("dev.speckitty.emulator..")

            .whereLayer("Domain").mayNotAccessAnyLayer()
            .whereLayer("Application").mayOnlyAccessLayers("Domain")
            .whereLayer("Storage adapter").mayOnlyAccessLayers("Domain")
            // The repository binding (.kittify/config.yaml, .git/config) is not storage: it shares no code with it.
            .whereLayer("Repository adapter").mayOnlyAccessLayers("Domain")
            .whereLayer("Hosted adapter").mayOnlyAccessLayers("Domain")
            .whereLayer("Shell").mayNotBeAccessedByAnyLayer()
            // The emulator stands in for the hosted service, so it shares no code with the CLI either way.
            .whereLayer("Emulator").mayNotAccessAnyLayer()
            .whereLayer("Emulator").mayNotBeAccessedByAnyLayer()
            .as("hexagonal layering: domain ← application/adapters ← shell; the emulator stands alone");
}
