package dev.speckitty.shell.command.sync;

import dev.speckitty.domain.port.EventQueue;
import dev.speckitty.domain.sync.QueuedEvent;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.render.JsonOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sync enqueue}: add events to the local queue — one from options, or many from a JSON
 * Lines file ({@code --file F}, {@code -} for stdin). All or nothing: one bad line queues none.
 */
public final class SyncEnqueueCommand extends SpecKittyCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_EVENT_BYTES = 256 * 1024;
    private static final List<String> SINGLE_EVENT_OPTIONS = List.of("event-type", "event-id", "payload");

    private final EventQueue queue;
    private final Supplier<BufferedReader> stdin;
    private final Clock clock;

    public SyncEnqueueCommand(EventQueue queue, Supplier<BufferedReader> stdin, Clock clock) {
        super("sync enqueue", "Add events to the local queue (one from options, or JSON Lines from --file).",
                SyncGroup.NAME, List.of(
                        OptionSpecs.valued("event-type", "Type of a single event, e.g. mission.started"),
                        OptionSpecs.valued("event-id", "Id of a single event (default: a new UUID)"),
                        OptionSpecs.valued("payload", "JSON object payload of a single event"),
                        OptionSpecs.valued("file", "JSON Lines file of events, one object per line ('-' for stdin)"),
                        OptionSpecs.flag(SyncGroup.JSON, "Print {queued, queue_size} as JSON")));
        this.queue = queue;
        this.stdin = stdin;
        this.clock = clock;
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        Optional<String> file = ParsedOptions.value(context, "file");
        if (file.isPresent()) {
            SINGLE_EVENT_OPTIONS.stream().filter(option -> ParsedOptions.value(context, option).isPresent()).findFirst()
                    .ifPresent(option -> {
                        throw new UsageException("--" + option + " describes a single event and cannot be used with --file");
                    });
        }
        List<QueuedEvent> events = file.isPresent() ? fromLines(file.get()) : List.of(single(context));
        queue.enqueue(events);
        long size = queue.size();
        if (ParsedOptions.flag(context, SyncGroup.JSON)) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("queued", events.size());
            document.put("queue_size", size);
            JsonOutput.print(context.outputWriter(), document);
        } else {
            context.outputWriter().println("Queued " + events.size() + " event(s); " + size + " pending.");
        }
        return ExitStatus.OK;
    }

    private QueuedEvent single(CommandContext context) {
        String type = ParsedOptions.value(context, "event-type")
                .orElseThrow(() -> new UsageException("sync enqueue needs --event-type TYPE, or --file FILE"));
        ObjectNode event = JSON.createObjectNode();
        event.put("event_id", ParsedOptions.value(context, "event-id").orElseGet(() -> UUID.randomUUID().toString()));
        event.put("event_type", type);
        event.put("created_at", clock.instant().toString());
        JsonNode payload = ParsedOptions.value(context, "payload").map(text -> parse(text, "--payload"))
                .orElseGet(JSON::createObjectNode);
        if (!payload.isObject()) {
            throw new UsageException("--payload must be a JSON object");
        }
        event.set("payload", payload);
        return toQueued(event, "--payload");
    }

    private List<QueuedEvent> fromLines(String file) {
        List<QueuedEvent> events = new ArrayList<>();
        try (BufferedReader reader = "-".equals(file) ? stdin.get()
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = ("-".equals(file) ? "stdin" : file) + " line " + number;
                JsonNode node = parse(line, where);
                if (!node.isObject() || !node.path("event_id").isString() || node.path("event_id").asString().isBlank()) {
                    throw new UsageException(where + ": each line must be a JSON object with a string event_id");
                }
                events.add(toQueued((ObjectNode) node, where));
            }
        } catch (NoSuchFileException missing) {
            throw new CommandFailedException("Could not read events from " + file + ": no such file.",
                    "  Nothing was queued. Check the path, or pass --file - to read from stdin.");
        } catch (AccessDeniedException denied) {
            throw new CommandFailedException("Could not read events from " + file + ": permission denied.",
                    "  Nothing was queued.");
        } catch (CharacterCodingException notUtf8) {
            throw new CommandFailedException("Could not read events from " + file + ": not UTF-8 text.",
                    "  Nothing was queued.");
        } catch (IOException unreadable) {
            throw new CommandFailedException("Could not read events from " + file + " (" + (Files.isDirectory(Path.of(file))
                    ? "it is a directory" : unreadable.getClass().getSimpleName()) + ").", "  Nothing was queued.");
        }
        if (events.isEmpty()) {
            throw new UsageException("no events found in " + file);
        }
        return events;
    }

    private static QueuedEvent toQueued(ObjectNode event, String where) {
        String json = JSON.writeValueAsString(event);
        if (json.length() > MAX_EVENT_BYTES) {
            throw new UsageException(where + ": event larger than " + MAX_EVENT_BYTES + " bytes");
        }
        return new QueuedEvent(event.get("event_id").asString(), json);
    }

    private static JsonNode parse(String text, String where) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException malformed) {
            throw new UsageException(where + ": not valid JSON");
        }
    }
}
