/** Decorators that count hosted calls for the debug counters line (docs/performance.md). */
package dev.speckitty.adapters.hosted.counting;
