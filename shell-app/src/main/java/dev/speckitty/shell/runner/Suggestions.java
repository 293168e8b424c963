package dev.speckitty.shell.runner;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * "Did you mean": the closest known word to a mistyped one, by Damerau-Levenshtein distance
 * (optimal string alignment: insert, delete, substitute, swap two neighbours). A word within 2 edits
 * (1 for words of up to 4 letters, so {@code ls} never becomes {@code now}) or a unique word it starts
 * is suggested; nothing is suggested rather than a far guess.
 */
final class Suggestions {

    private Suggestions() {}

    static Optional<String> closest(String typed, Collection<String> known) {
        int allowed = typed.length() <= 4 ? 1 : 2;
        Optional<String> near = known.stream()
                .filter(word -> distance(typed, word) <= allowed)
                .min(Comparator.comparingInt((String word) -> distance(typed, word)).thenComparing(word -> word));
        if (near.isPresent() || typed.length() < 2) {
            return near;
        }
        List<String> extending = known.stream().filter(word -> word.startsWith(typed)).toList();
        return extending.size() == 1 ? Optional.of(extending.getFirst()) : Optional.empty();
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
