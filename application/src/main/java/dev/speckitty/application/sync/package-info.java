/**
 * Hosted sync use cases: sync now, sync enqueue, the set-up check behind sync status and sync doctor,
 * and the logged-out route with its connected-Teamspace detector.
 */
package dev.speckitty.application.sync;
