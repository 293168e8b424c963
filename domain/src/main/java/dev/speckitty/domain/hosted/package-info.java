/** Hosted failures and the failure taxonomy (docs/spec/behaviour.md §1): values, not exceptions. */
package dev.speckitty.domain.hosted;
