/** Hosted outcomes and the failure taxonomy (behaviour.md §1): values, not exceptions. */
package dev.speckitty.domain.hosted;
