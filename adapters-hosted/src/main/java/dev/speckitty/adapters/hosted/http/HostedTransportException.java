package dev.speckitty.adapters.hosted.http;

/**
 * The request may or may not have reached the server: connect failure, reset, timeout, DNS.
 * Carries only the failing exception's simple type name; the original (whose message can name
 * the URL) is not kept, so nothing beyond the type can leak through a log or a message.
 */
public final class HostedTransportException extends RuntimeException {

    /** The failure type of an answer that was not valid HTTP/1.1 (status line, headers or chunk framing). */
    public static final String MALFORMED_RESPONSE = "MalformedHttpResponse";

    private final String failureType;

    public HostedTransportException(String failureType) {
        super(failureType, null, false, false);
        this.failureType = failureType;
    }

    /** e.g. {@code ConnectException}, {@code TimeoutException}, {@code PrematureCloseException}, {@value #MALFORMED_RESPONSE}. */
    public String failureType() {
        return failureType;
    }
}
