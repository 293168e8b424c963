package dev.speckitty.domain.hosted;

/**
 * A hosted port was asked to work while {@link HostedAddress} says there is no usable server: a
 * configuration error, raised before any request. It carries the address value, so the shell shows
 * the same words whichever layer noticed; callers that can go on without a server ask the address
 * first instead.
 */
public final class HostedUnavailableException extends RuntimeException {

    private final transient HostedAddress.Unusable address;

    public HostedUnavailableException(HostedAddress.Unusable address) {
        super(address.message(), null, false, false);
        this.address = address;
    }

    public HostedAddress.Unusable address() {
        return address;
    }
}
