package dev.speckitty.adapters.storage.session.lock;

import dev.speckitty.adapters.storage.session.codec.IsoTimestamps;
import dev.speckitty.adapters.storage.session.codec.SessionJson;
import dev.speckitty.adapters.storage.session.codec.StrictJson.JsonNumber;
import dev.speckitty.adapters.storage.session.codec.StrictJson.MalformedJsonException;
import dev.speckitty.adapters.storage.session.codec.StrictJson;
import dev.speckitty.domain.port.RefreshLock.LockHolder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * The refresh-lock holder record, {@code {"host","pid","schema_version":1,"started_at","version"}}
 * with sorted keys. It names a process, never a token.
 */
final class HolderRecord {

    public static final int SCHEMA_VERSION = 1;

    private HolderRecord() {}

    public static byte[] encode(LockHolder holder) {
        ObjectNode root = SessionJson.mapper().createObjectNode(); // keys inserted in sorted order
        root.put("host", holder.host());
        root.put("pid", holder.pid());
        root.put("schema_version", SCHEMA_VERSION);
        root.put("started_at", IsoTimestamps.format(holder.startedAt()));
        root.put("version", holder.version());
        return SessionJson.mapper().writeValueAsBytes(root);
    }

    /** The record, or empty when it is missing, empty or malformed; a naive timestamp is UTC. */
    public static Optional<LockHolder> decode(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.empty();
        }
        Object document;
        try {
            document = StrictJson.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (MalformedJsonException malformed) {
            return Optional.empty();
        }
        if (!(document instanceof Map<?, ?> root)
                || !(root.get("host") instanceof String host)
                || !(root.get("pid") instanceof JsonNumber pidNumber)
                || !(root.get("started_at") instanceof String startedAt)) {
            return Optional.empty();
        }
        OptionalLong pid = pidNumber.longValue();
        Optional<Instant> started = IsoTimestamps.parse(startedAt);
        String versionText = root.get("version") instanceof String version ? version : "unknown";
        return pid.isEmpty() ? Optional.empty()
                : started.map(at -> new LockHolder(host, pid.getAsLong(), at, versionText));
    }
}
