package dev.speckitty.application.session;

import dev.speckitty.domain.port.SessionStore.StorageDescription;

/** {@code auth status}: the local session as read, and where the store keeps it. */
public record LocalSessionReport(LocalSessionState state, StorageDescription storage) {}
