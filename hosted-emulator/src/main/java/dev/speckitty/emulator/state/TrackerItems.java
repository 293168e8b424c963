package dev.speckitty.emulator.state;

import java.util.List;
import java.util.Map;

/** The fixed work items tracker pull returns: enough for a demo and for asserting a pull happened. */
public final class TrackerItems {

    private TrackerItems() {
    }

    public static List<Map<String, Object>> sample() {
        return List.of(
                Map.of("id", "TRK-1", "title", "Sign in from the CLI", "status", "done"),
                Map.of("id", "TRK-2", "title", "Sync the local event queue", "status", "in_progress"),
                Map.of("id", "TRK-3", "title", "Bind the tracker to this repository", "status", "todo"));
    }
}
