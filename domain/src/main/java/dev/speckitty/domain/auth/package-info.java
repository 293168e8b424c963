/** OAuth values exchanged with the authorization server: grants, device flow, refresh results. */
package dev.speckitty.domain.auth;
