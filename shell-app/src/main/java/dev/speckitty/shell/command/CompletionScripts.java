package dev.speckitty.shell.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;

/**
 * Shell completion scripts generated from the command tree, so a new command or option completes
 * without touching this class: command and group words, each command's options ({@code --help}
 * too), file names after options that take a file, and the known values of a few options.
 */
public final class CompletionScripts {

    private static final List<String> SHELLS = List.of("bash", "zsh", "fish");

    private final CommandTree tree;

    public CompletionScripts(CommandTree tree) {
        this.tree = tree;
    }

    public static List<String> shells() {
        return SHELLS;
    }

    public String bash() {
        StringBuilder script = new StringBuilder();
        script.append("# spec-kitty completion for bash: eval \"$(spec-kitty completion bash)\"\n");
        script.append("_spec_kitty() {\n");
        script.append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n");
        script.append("  local line=\"${COMP_WORDS[*]:1:COMP_CWORD-1}\"\n");
        script.append("  case \"$prev\" in\n");
        for (Map.Entry<String, List<String>> known : OptionSpecs.knownValues().entrySet()) {
            script.append("    --").append(known.getKey()).append(") COMPREPLY=($(compgen -W \"")
                    .append(String.join(" ", known.getValue())).append("\" -- \"$cur\")); return;;\n");
        }
        List<String> fileOptions = fileOptions();
        if (!fileOptions.isEmpty()) {
            script.append("    ").append(String.join("|", fileOptions)).append(") COMPREPLY=($(compgen -f -- \"$cur\"));"
                    + " return;;\n");
        }
        script.append("  esac\n");
        script.append("  case \"$line\" in\n");
        // Commands first (their options), longest names first, then the words after each prefix.
        tree.commands().stream()
                .sorted((a, b) -> b.getName().length() - a.getName().length())
                .forEach(command -> script.append("    \"").append(command.getName()).append("\"|\"")
                        .append(command.getName()).append(" \"*) COMPREPLY=($(compgen -W \"")
                        .append(String.join(" ", optionWords(command))).append("\" -- \"$cur\"));;\n"));
        for (String prefix : prefixes()) {
            script.append("    \"").append(prefix).append("\") COMPREPLY=($(compgen -W \"")
                    .append(String.join(" ", tree.nextWords(prefix))).append("\" -- \"$cur\"));;\n");
        }
        script.append("  esac\n");
        script.append("}\n");
        script.append("complete -F _spec_kitty spec-kitty\n");
        return script.toString();
    }

    /** zsh runs the bash completion through its bashcompinit layer. */
    public String zsh() {
        return "# spec-kitty completion for zsh: eval \"$(spec-kitty completion zsh)\"\n"
                + "autoload -U +X bashcompinit && bashcompinit\n" + bash().lines().skip(1)
                .reduce(new StringBuilder(), (text, line) -> text.append(line).append('\n'), StringBuilder::append);
    }

    public String fish() {
        StringBuilder script = new StringBuilder();
        script.append("# spec-kitty completion for fish: spec-kitty completion fish | source\n");
        script.append("complete -c spec-kitty -f\n");
        script.append("complete -c spec-kitty -n __fish_use_subcommand -a \"")
                .append(String.join(" ", tree.nextWords(""))).append("\"\n");
        for (String group : tree.groups()) {
            List<String> subcommands = tree.nextWords(group);
            script.append("complete -c spec-kitty -n \"__fish_seen_subcommand_from ").append(group)
                    .append("; and not __fish_seen_subcommand_from ").append(String.join(" ", subcommands))
                    .append("\" -a \"").append(String.join(" ", subcommands)).append("\"\n");
        }
        for (Command command : tree.commands()) {
            String[] words = command.getName().split(" ");
            String condition = words.length == 1 ? "__fish_seen_subcommand_from " + words[0]
                    : "__fish_seen_subcommand_from " + words[0] + "; and __fish_seen_subcommand_from " + words[1];
            for (CommandOption option : command.getOptions()) {
                script.append("complete -c spec-kitty -n \"").append(condition).append("\" -l ")
                        .append(option.longName());
                if (!OptionSpecs.isFlag(option)) {
                    List<String> values = OptionSpecs.knownValues(option);
                    script.append(!values.isEmpty() ? " -x -a \"" + String.join(" ", values) + "\""
                                    : OptionSpecs.takesFile(option) ? " -r -F" : " -x");
                }
                script.append(" -d ").append(quoted(option.description())).append('\n');
            }
        }
        script.append("complete -c spec-kitty -n \"__fish_seen_subcommand_from completion\" -a \"")
                .append(String.join(" ", SHELLS)).append("\"\n");
        return script.toString();
    }

    private List<String> optionWords(Command command) {
        List<String> words = new ArrayList<>();
        command.getOptions().forEach(option -> words.add("--" + option.longName()));
        words.add("--help");
        if (command.getName().equals("completion")) {
            words.addAll(SHELLS);
        }
        return words;
    }

    private List<String> fileOptions() {
        return tree.commands().stream().flatMap(command -> command.getOptions().stream())
                .filter(OptionSpecs::takesFile)
                .map(option -> "--" + option.longName()).distinct().sorted().toList();
    }

    /** {@code ""} and every group: the places where a next word is a command or group name. */
    private List<String> prefixes() {
        List<String> prefixes = new ArrayList<>(tree.groups());
        prefixes.add("");
        return prefixes;
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "\\'") + "'";
    }
}
