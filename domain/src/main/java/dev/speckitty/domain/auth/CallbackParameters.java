package dev.speckitty.domain.auth;

import dev.speckitty.domain.session.Secret;

/**
 * What the browser delivered to the loopback redirect. The first delivery wins; later requests
 * (a reload, a second tab) cannot overwrite it. Any field may be absent (null).
 */
public record CallbackParameters(Secret code, Secret state, String error, String errorDescription) {}
