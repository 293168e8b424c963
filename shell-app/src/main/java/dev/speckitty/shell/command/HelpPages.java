package dev.speckitty.shell.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.shell.core.command.Command;

/**
 * The help pages above one command: the overview ({@code spec-kitty --help}, {@code help}) and a
 * group's page ({@code spec-kitty auth}, {@code auth --help}, {@code help auth}), like gh and git.
 */
public final class HelpPages {

    private static final int NAME_WIDTH = 18;
    public static final String BUILT_IN = "Built-in";

    private final CommandTree tree;
    private final Surface surface;

    public HelpPages(CommandTree tree, Surface surface) {
        this.tree = tree;
        this.surface = surface;
    }

    /** The page for a topic: the overview, a group or a command; empty for an unknown topic. */
    public Optional<String> page(String topic) {
        if (topic.isBlank()) {
            return Optional.of(overview());
        }
        if (tree.isGroup(topic)) {
            return Optional.of(group(topic));
        }
        return tree.command(topic).map(CommandHelp::details);
    }

    public String overview() {
        StringBuilder text = new StringBuilder();
        text.append("spec-kitty: command-line client of the Spec Kitty hosted service\n\n");
        if (surface == Surface.ONE_SHOT) {
            text.append("Usage: spec-kitty <command> [options]\n");
            text.append("       spec-kitty                        (interactive shell)\n");
        } else {
            text.append("Usage: <command> [options]\n");
        }
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        for (Command command : tree.commands()) {
            sections.computeIfAbsent(command.getGroup(), group -> new StringBuilder())
                    .append(CommandHelp.row(command.getName(), command.getDescription(), NAME_WIDTH));
        }
        // The built-in commands come last, after the product's own groups.
        StringBuilder builtIn = sections.remove(BUILT_IN);
        sections.put(BUILT_IN, builtIn == null ? new StringBuilder() : builtIn);
        if (surface == Surface.SHELL) {
            sections.get(BUILT_IN)
                    .append(CommandHelp.row("exit, quit", "Leave the interactive shell (or Ctrl-D)", NAME_WIDTH));
        }
        sections.forEach((group, rows) -> {
            if (!rows.isEmpty()) {
                text.append('\n').append(group).append(":\n").append(rows);
            }
        });
        text.append('\n').append(surface.pointTo("<command> --help", "for a command's options")).append('\n');
        text.append(TextWrap.block("Exit codes: 0 ok, 1 command failed, 2 usage or internal error, "
                + "4 logged out on a connected Teamspace, 130 interrupted.", 0, 0)).append('\n');
        return text.toString();
    }

    public String group(String group) {
        List<Command> commands = tree.commandsIn(group);
        StringBuilder text = new StringBuilder();
        text.append("Usage: ").append(surface.typed(group)).append(" <command> [options]\n\n");
        text.append(commands.getFirst().getGroup()).append(" commands:\n");
        for (Command command : commands) {
            text.append(CommandHelp.row(command.getName().substring(group.length() + 1), command.getDescription(),
                    NAME_WIDTH));
        }
        text.append('\n').append(surface.pointTo(group + " <command> --help", "for a command's options")).append('\n');
        return text.toString();
    }
}
