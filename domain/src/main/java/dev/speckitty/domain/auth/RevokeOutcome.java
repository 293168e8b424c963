package dev.speckitty.domain.auth;

/** What the revocation endpoint said (docs/spec/hosted-contract.md §2.6). Revocation never throws. */
public enum RevokeOutcome {
    REVOKED("revoked"),
    NO_REFRESH_TOKEN("no_refresh_token"),
    SERVER_FAILURE("server_failure"),
    NETWORK_ERROR("network_error");

    private final String machineName;

    RevokeOutcome(String machineName) {
        this.machineName = machineName;
    }

    public String machineName() {
        return machineName;
    }
}
