/** Tracker-bound hosted workflows behind the readiness gate. */
package dev.speckitty.application.tracker;
