package dev.speckitty.adapters.hosted.http;

import java.util.Optional;

/**
 * One HTTP answer, fully read. The body is kept for parsing only: {@link #toString()} never shows
 * it, because bodies may hold tokens and must never reach a message or a log.
 */
public final class HostedResponse {

    private final int status;
    private final String body;
    private final boolean oversized;

    private HostedResponse(int status, String body, boolean oversized) {
        this.status = status;
        this.body = body;
        this.oversized = oversized;
    }

    public static HostedResponse of(int status, String body) {
        return new HostedResponse(status, body == null ? "" : body, false);
    }

    /** The server answered, but the body exceeded the configured cap and was dropped. */
    public static HostedResponse oversized(int status) {
        return new HostedResponse(status, "", true);
    }

    public int status() {
        return status;
    }

    public boolean isOk() {
        return status == 200;
    }

    /** The body text, for parsers; empty when the body was too large. */
    public String body() {
        return body;
    }

    public boolean oversized() {
        return oversized;
    }

    /** The parsed body when it is a JSON object; empty for non-JSON, other JSON values or an oversized body. */
    public Optional<JsonBody> jsonObject() {
        return oversized ? Optional.empty() : JsonBody.parseObject(body);
    }

    @Override
    public String toString() {
        return "HostedResponse[status=" + status + (oversized ? ", oversized" : "") + "]";
    }
}
