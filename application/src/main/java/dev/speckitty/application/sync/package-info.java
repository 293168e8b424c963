/**
 * The {@code sync now} use case ({@link dev.speckitty.application.sync.SyncNow}: drain the local queue to
 * the hosted batch ingress, its {@link dev.speckitty.application.sync.SyncReport} and
 * {@link dev.speckitty.application.sync.SyncOutcome}, progress and stderr diagnostics as small ports) and
 * the logged-out-on-a-connected-Teamspace detector. The tracker workflow is in
 * {@code application.tracker}; the queue and binding ports are in {@code domain.port}.
 */
package dev.speckitty.application.sync;
