/**
 * One bean per hosted domain port, each connected to the configured hosted service on its first
 * call through one shared {@link dev.speckitty.adapters.hosted.connection.HostedConnection}
 * (docs/hosted-adapters.md). Offline commands build none of the HTTP machinery.
 */
package dev.speckitty.adapters.hosted.connection;
