package dev.speckitty.adapters.hosted.loopback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The request line of one HTTP/1.x request to the callback listener, read with limits: the head (request line and
 * headers) must arrive whole within {@code deadline} and fit in {@link #MAX_HEAD_BYTES}. The headers are read and
 * dropped; the callback needs only the method and the target.
 *
 * @param method e.g. {@code GET}
 * @param target the parsed request target (path and raw query)
 */
record CallbackRequest(String method, URI target) {

    static final int MAX_HEAD_BYTES = 16 * 1024;

    /** Why a request could not be read; each is answered 400 (or not at all when the peer went away). */
    static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Reads the head from {@code in}, whose socket has a per-read timeout; {@code deadline} bounds the whole head
     * so that a peer dripping one byte per read timeout cannot hold the connection either.
     */
    static CallbackRequest read(InputStream in, Duration deadline) throws IOException, Unreadable {
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0; // progress through CR LF CR LF
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new Unreadable("the connection closed before the request was complete");
            }
            if (head.size() >= MAX_HEAD_BYTES) {
                throw new Unreadable("the request head is too large");
            }
            if (System.nanoTime() - giveUpAt > 0) {
                throw new Unreadable("the request took too long");
            }
            head.write(b);
            matched = switch (b) {
                case '\r' -> matched == 2 ? 3 : 1;
                case '\n' -> matched == 1 || matched == 3 ? matched + 1 : 0;
                default -> 0;
            };
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return parseRequestLine(text.substring(0, text.indexOf("\r\n")))
                .orElseThrow(() -> new Unreadable("the request line is malformed"));
    }

    private static Optional<CallbackRequest> parseRequestLine(String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.") || parts[0].isEmpty() || !parts[1].startsWith("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CallbackRequest(parts[0], new URI(parts[1])));
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }
}
