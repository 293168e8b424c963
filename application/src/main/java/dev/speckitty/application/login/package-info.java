/**
 * Signing in and out: the browser (PKCE, loopback callback) and device flows behind {@code auth login},
 * and {@code auth logout}. Builds on the session core ({@code application.session}), never the other way.
 */
package dev.speckitty.application.login;
