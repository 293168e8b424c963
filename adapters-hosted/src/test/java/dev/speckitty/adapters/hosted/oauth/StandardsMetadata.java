package dev.speckitty.adapters.hosted.oauth;

/** RFC 8414 metadata of a strict standards server under {@code base}, with introspection and userinfo. */
public final class StandardsMetadata {

    private StandardsMetadata() {}

    public static String json(String base) {
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                 "device_authorization_endpoint":"%1$s/oauth2/device_authorization",
                 "revocation_endpoint":"%1$s/oauth2/revoke","introspection_endpoint":"%1$s/oauth2/introspect",
                 "userinfo_endpoint":"%1$s/userinfo"}""".formatted(base);
    }

    /** The same without introspection and userinfo: a server that offers neither. */
    public static String withoutExtras(String base) {
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                 "device_authorization_endpoint":"%1$s/oauth2/device_authorization",
                 "revocation_endpoint":"%1$s/oauth2/revoke"}""".formatted(base);
    }
}
