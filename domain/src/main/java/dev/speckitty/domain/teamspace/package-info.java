/** A repository's Teamspace binding and project identity. */
package dev.speckitty.domain.teamspace;
