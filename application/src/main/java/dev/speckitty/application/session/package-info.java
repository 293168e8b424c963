/**
 * The session core that every hosted use case shares: reading and presenting the local session, the
 * access token for a hosted call, the refresh transaction under the machine-wide lock, membership
 * rehydration, and the {@code auth status} and {@code auth doctor} reports. Knows nothing of login.
 */
package dev.speckitty.application.session;
