/** Authentication use cases: local session inspection, login, logout and the refresh transaction. */
package dev.speckitty.application.auth;
