package dev.speckitty.architecture.broadcatch;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the source line of the {@code catch} clause that a bytecode handler belongs to.
 *
 * <p>javac usually attributes the handler to the {@code catch} line, but older compilers use the first
 * statement of the block, and an empty one-line handler has no line entry of its own. So the search
 * walks up from the handler's line, never above the first line of the guarded code, to the nearest
 * {@code catch (…)} whose parameter names one of the caught types. A multi-line multi-catch is read up
 * to its closing parenthesis.
 */
final class CatchClauseLocator {

    private static final Pattern CATCH_OPENING = Pattern.compile("\\bcatch\\s*\\(");
    private static final int MAX_CLAUSE_LINES = 10;

    private CatchClauseLocator() {
    }

    /** 1-based line of the matching {@code catch}, or empty if the source has none in range. */
    static OptionalInt locate(List<String> sourceLines, CatchHandler handler) {
        int from = Math.min(handler.handlerLine(), sourceLines.size());
        int to = Math.max(handler.tryFirstLine(), 1);
        for (int line = from; line >= to; line--) {
            if (hasClauseNaming(sourceLines, line, handler.caughtSimpleNames())) {
                return OptionalInt.of(line);
            }
        }
        return OptionalInt.empty();
    }

    static boolean opensCatch(String sourceLine) {
        return CATCH_OPENING.matcher(sourceLine).find();
    }

    private static boolean hasClauseNaming(List<String> sourceLines, int line, Set<String> typeNames) {
        Matcher opening = CATCH_OPENING.matcher(sourceLines.get(line - 1));
        while (opening.find()) {
            String parameter = clauseParameter(sourceLines, line, opening.end());
            if (typeNames.stream().anyMatch(type -> namesType(parameter, type))) {
                return true;
            }
        }
        return false;
    }

    /** The text between {@code catch (} and its closing parenthesis, possibly over several lines. */
    private static String clauseParameter(List<String> sourceLines, int line, int startColumn) {
        StringBuilder text = new StringBuilder(sourceLines.get(line - 1).substring(startColumn));
        for (int next = line; next < Math.min(sourceLines.size(), line + MAX_CLAUSE_LINES) && text.indexOf(")") < 0; next++) {
            text.append(' ').append(sourceLines.get(next));
        }
        int closing = text.indexOf(")");
        return closing < 0 ? text.toString() : text.substring(0, closing);
    }

    /** Whole-word match, so {@code IOException} does not count as {@code Exception}. */
    private static boolean namesType(String parameter, String simpleName) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(simpleName) + "(?![\\w$])").matcher(parameter).find();
    }
}
