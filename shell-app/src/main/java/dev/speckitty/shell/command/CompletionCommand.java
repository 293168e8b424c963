package dev.speckitty.shell.command;

import java.util.List;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/** {@code completion bash|zsh|fish}: prints the shell's completion script, generated from the commands. */
public final class CompletionCommand extends SpecKittyCommand {

    public CompletionCommand() {
        super("completion", "Print a shell completion script (bash, zsh or fish)", HelpPages.BUILT_IN, List.of());
    }

    @Override
    public boolean acceptsArguments() {
        return true;
    }

    @Override
    public String argumentsSynopsis() {
        return "bash|zsh|fish";
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        List<String> words = context.parsedInput().arguments().stream().map(CommandArgument::value).toList();
        if (words.size() != 1 || !CompletionScripts.shells().contains(words.getFirst())) {
            throw new UsageException("completion needs one shell: bash, zsh or fish");
        }
        CompletionScripts scripts = new CompletionScripts(new CommandTree(context.commandRegistry()));
        context.outputWriter().print(switch (words.getFirst()) {
            case "bash" -> scripts.bash();
            case "zsh" -> scripts.zsh();
            default -> scripts.fish();
        });
        context.outputWriter().flush();
        return ExitStatus.OK;
    }
}
