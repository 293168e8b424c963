/** Hosted sync use cases: sync now, the logged-out detector, sync status and the tracker workflow. */
package dev.speckitty.application.sync;
