package dev.speckitty.architecture.layering;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.speckitty.architecture.ProductionClasses;

/**
 * shell-app's packages import each other in one direction only (issue 13, item 2): {@code config}
 * wires {@code command}, {@code runner} and {@code settings}; {@code runner} runs {@code command}s;
 * commands name no runner type (their {@code Exit} is numbered by {@code runner.ExitCode}) and no
 * {@code config} type (the runtime settings live in {@code settings}).
 */
@AnalyzeClasses(locations = ProductionClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ShellPackageCyclesTest {

    @ArchTest
    static final ArchRule shell_packages_are_free_of_cycles = slices()
            .matching("dev.speckitty.shell.(*)..")
            .should().beFreeOfCycles()
            .as("shell-app's packages (command, config, hardening, render, runner, settings) import each other in no loop");

    @ArchTest
    static final ArchRule shell_sub_packages_are_free_of_cycles = slices()
            .matching("dev.speckitty.shell.(**)")
            .should().beFreeOfCycles()
            .as("no package of shell-app, sub-packages included, is part of an import loop");
}
