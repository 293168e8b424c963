/**
 * Test doubles and sample data shared by every module's tests: {@link dev.speckitty.testfixtures.SessionBuilder},
 * {@link dev.speckitty.testfixtures.Teams}, {@link dev.speckitty.testfixtures.InMemorySessionStore},
 * {@link dev.speckitty.testfixtures.FakeRefreshLock}, {@link dev.speckitty.testfixtures.InMemoryEventQueue} and
 * {@link dev.speckitty.testfixtures.MutableClock}.
 *
 * <p>Depends on the domain only. Modules use it in test scope; no production class may depend on it
 * (architecture-tests holds that).
 */
package dev.speckitty.testfixtures;
