package dev.speckitty.shell.command.sync;

import dev.speckitty.application.sync.EnqueueEvents;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.render.EnqueuedView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.shell.core.command.CommandContext;

/**
 * {@code sync enqueue}: add events to the local queue — one from options, or many from a JSON
 * Lines file ({@code --file F}, {@code -} for stdin). All or nothing: one bad line queues none.
 */
public final class SyncEnqueueCommand extends ResultCommand {

    private static final List<String> SINGLE_EVENT_OPTIONS = List.of("event-type", "event-id", "payload");

    private final EnqueueEvents enqueueEvents;
    private final Supplier<BufferedReader> stdin;

    public SyncEnqueueCommand(EnqueueEvents enqueueEvents, Supplier<BufferedReader> stdin) {
        super("sync enqueue", "Add events to the local queue (one from options, or JSON Lines from --file).",
                SyncGroup.NAME, List.of(
                        OptionSpecs.valued("event-type", "Type of a single event, e.g. mission.started"),
                        OptionSpecs.valued("event-id", "Id of a single event (default: a new UUID)"),
                        OptionSpecs.valued("payload", "JSON object payload of a single event"),
                        OptionSpecs.valued("file", "JSON Lines file of events, one object per line ('-' for stdin)"),
                        OptionSpecs.flag(SyncGroup.JSON, "Print {queued, queue_size} as JSON")));
        this.enqueueEvents = enqueueEvents;
        this.stdin = stdin;
    }

    @Override
    public Outcome<EnqueueEvents.Result.Queued> run(CommandContext context) {
        Optional<String> file = ParsedOptions.value(context, "file");
        if (file.isPresent()) {
            SINGLE_EVENT_OPTIONS.stream().filter(option -> ParsedOptions.value(context, option).isPresent()).findFirst()
                    .ifPresent(option -> {
                        throw new UsageException("--" + option + " describes a single event and cannot be used with --file");
                    });
        }
        EnqueueEvents.Result result = file.isPresent() ? fromLines(file.get()) : enqueueEvents.one(
                ParsedOptions.value(context, "event-type").orElseThrow(
                        () -> new UsageException("sync enqueue needs --event-type TYPE, or --file FILE")),
                ParsedOptions.value(context, "event-id"), ParsedOptions.value(context, "payload"));
        return switch (result) {
            case EnqueueEvents.Result.Rejected rejected -> throw new UsageException(rejected.reason());
            case EnqueueEvents.Result.Queued queued -> Outcome.ok(queued, new EnqueuedView());
        };
    }

    /** Lines are read as the use case asks for them, so a bad line is reported before a later read error. */
    private EnqueueEvents.Result fromLines(String file) {
        try (BufferedReader reader = "-".equals(file) ? stdin.get()
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return enqueueEvents.fromLines(file, reader.lines().iterator());
        } catch (UncheckedIOException unreadable) {
            throw unreadable(file, unreadable.getCause());
        } catch (IOException unreadable) {
            throw unreadable(file, unreadable);
        }
    }

    private static CommandFailedException unreadable(String file, IOException problem) {
        return switch (problem) {
            case NoSuchFileException missing -> new CommandFailedException(
                    "Could not read events from " + file + ": no such file.",
                    "  Nothing was queued. Check the path, or pass --file - to read from stdin.");
            case AccessDeniedException denied -> new CommandFailedException(
                    "Could not read events from " + file + ": permission denied.", "  Nothing was queued.");
            case CharacterCodingException notUtf8 -> new CommandFailedException(
                    "Could not read events from " + file + ": not UTF-8 text.", "  Nothing was queued.");
            default -> new CommandFailedException("Could not read events from " + file + " (" + (Files.isDirectory(
                    Path.of(file)) ? "it is a directory" : problem.getClass().getSimpleName()) + ").",
                    "  Nothing was queued.");
        };
    }
}
