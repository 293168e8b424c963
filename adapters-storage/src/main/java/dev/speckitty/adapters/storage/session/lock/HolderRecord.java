package dev.speckitty.adapters.storage.session.lock;

import dev.speckitty.adapters.storage.session.codec.IsoTimestamps;
import dev.speckitty.adapters.storage.session.codec.SessionJson;
import dev.speckitty.domain.port.RefreshLock.LockHolder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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
        JsonNode root;
        try {
            root = SessionJson.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        JsonNode host = root.get("host");
        JsonNode pid = root.get("pid");
        JsonNode startedAt = root.get("started_at");
        JsonNode version = root.get("version");
        if (host == null || !host.isString() || pid == null || !pid.isIntegralNumber() || !pid.canConvertToLong()
                || startedAt == null || !startedAt.isString()) {
            return Optional.empty();
        }
        Optional<Instant> started = IsoTimestamps.parse(startedAt.stringValue());
        String versionText = version != null && version.isString() ? version.stringValue() : "unknown";
        return started.map(at -> new LockHolder(host.stringValue(), pid.longValue(), at, versionText));
    }
}
