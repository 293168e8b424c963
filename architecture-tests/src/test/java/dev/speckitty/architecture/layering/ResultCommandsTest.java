package dev.speckitty.architecture.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.speckitty.architecture.ProductionClasses;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.render.JsonOutput;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * The CLI core (issue 13, item 2): a result command returns its result and exit code, and the
 * runner renders it as text or as the one {@code --json} document and maps the exit. So a result
 * command prints nothing, writes no JSON and builds no {@code ExitStatus} of its own.
 */
@AnalyzeClasses(locations = ProductionClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ResultCommandsTest {

    @ArchTest
    static final ArchRule result_commands_leave_rendering_to_the_runner = noClasses()
            .that().areAssignableTo(ResultCommand.class)
            .and().doNotHaveFullyQualifiedName(ResultCommand.class.getName())
            .should().dependOnClassesThat().areAssignableTo(JsonOutput.class)
            .orShould().dependOnClassesThat().areAssignableTo(ExitStatus.class)
            .orShould().callMethod(CommandContext.class, "outputWriter")
            .as("result commands return their result: no JsonOutput, no ExitStatus, no printing to the output writer");

    /**
     * Exit codes are numbered in one place (runner.ExitCode; docs/spec/exit-codes.md): a command
     * ends with a {@code command.Exit} in its Outcome, and no class of ours builds an ExitStatus.
     */
    @ArchTest
    static final ArchRule exit_codes_come_from_exit_code = noClasses()
            .should().callConstructor(ExitStatus.class, int.class, String.class)
            .as("no ExitStatus of our own: commands end with an Exit that runner.ExitCode numbers");
}
