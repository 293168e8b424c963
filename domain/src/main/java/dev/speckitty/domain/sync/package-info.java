/** The local event queue's events and their per-event sync results. */
package dev.speckitty.domain.sync;
