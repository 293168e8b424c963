/** The durable session, its teams and the {@link dev.speckitty.domain.session.Secret} token type. */
package dev.speckitty.domain.session;
