package dev.speckitty.architecture.broadcatch;

import java.util.Set;

/**
 * One exception handler from a method's bytecode that catches a broad type.
 *
 * @param caughtSimpleNames simple names of the broad types it catches (several for a multi-catch)
 * @param handlerLine the line javac attributes to the handler's first instruction (normally the
 *     {@code catch} line itself), 0 when the class has no line numbers
 * @param tryFirstLine the first line of the guarded {@code try} code; the {@code catch} clause cannot
 *     sit above it
 */
record CatchHandler(String className, String methodName, Set<String> caughtSimpleNames, int handlerLine,
        int tryFirstLine) {

    /** javac itself emits {@code catch Throwable} handlers for try-with-resources and record patterns. */
    boolean couldBeCompilerGenerated() {
        return caughtSimpleNames.equals(Set.of("Throwable"));
    }
}
