package dev.speckitty.architecture.broadcatch;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code // broad-catch: <reason>} marker and the rule a reason must meet (docs/spec/behaviour.md §4.2, with
 * the Java form's extra minimum of three words).
 */
public final class BroadCatchReason {

    public static final String MARKER = "// broad-catch:";
    public static final int MINIMUM_WORDS = 3;

    /** Exact matches only, to keep false positives down (§8.13): «ignore errors» is not in here. */
    static final Set<String> GENERIC_WORDS = Set.of(
            "all exceptions", "ble001", "blanket", "broad catch", "broad exception", "catch all", "catchall",
            "exception", "fixme", "generic", "ignore", "ignored", "noqa", "suppress", "suppression", "temp",
            "temporary", "todo");

    private static final Pattern MARKER_PATTERN = Pattern.compile("//\\s*broad-catch\\s*:(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NON_WORD_RUNS = Pattern.compile("[\\W_]+", Pattern.UNICODE_CHARACTER_CLASS);

    public enum Verdict {
        ACCEPTED("accepted"),
        EMPTY("the reason is empty"),
        GENERIC("the reason is a generic word, not a safety reason"),
        TOO_FEW_WORDS("the reason has fewer than " + MINIMUM_WORDS + " words");

        private final String explanation;

        Verdict(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }

    private BroadCatchReason() {
    }

    /** The raw text after the marker, if the line carries one. */
    public static Optional<String> markedReason(String sourceLine) {
        Matcher matcher = MARKER_PATTERN.matcher(sourceLine);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Casefold, turn runs of non-word characters or {@code _} into one space, trim. */
    public static String normalise(String reason) {
        return NON_WORD_RUNS.matcher(reason.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    public static Verdict judge(String reason) {
        String normalised = normalise(reason);
        if (normalised.isEmpty()) {
            return Verdict.EMPTY;
        }
        if (GENERIC_WORDS.contains(normalised)) {
            return Verdict.GENERIC;
        }
        if (normalised.split(" ").length < MINIMUM_WORDS) {
            return Verdict.TOO_FEW_WORDS;
        }
        return Verdict.ACCEPTED;
    }
}
