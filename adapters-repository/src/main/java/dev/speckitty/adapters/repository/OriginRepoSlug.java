package dev.speckitty.adapters.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code owner/repo} from a git remote URL (docs/spec/behaviour.md §2.1): {@code git@host:o/r(.git)},
 * {@code https://host/o/r(.git)}, {@code ssh://[user@]host[:port]/o/r(.git)} and other
 * {@code scheme://host/…} URLs; subgroups are kept ({@code group/sub/repo}); {@code file://} URLs
 * and bare paths are rejected; at least two path segments are needed.
 */
final class OriginRepoSlug {

    private static final Pattern URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*).*$",
            Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(.+)$", Pattern.DOTALL);

    private OriginRepoSlug() {}

    public static Optional<String> parse(String url) {
        String cleaned = url == null ? "" : url.strip();
        if (cleaned.isEmpty() || cleaned.startsWith("/") || cleaned.startsWith("./") || cleaned.startsWith("../")) {
            return Optional.empty();
        }
        Matcher full = URL.matcher(cleaned);
        if (full.matches()) {
            if (full.group(1).toLowerCase(Locale.ROOT).equals("file") || full.group(2).isEmpty()) {
                return Optional.empty();
            }
            return slug(full.group(3));
        }
        Matcher scheme = SCHEME.matcher(cleaned);
        if (scheme.find() && scheme.group(1).equalsIgnoreCase("file")) {
            return Optional.empty();
        }
        Matcher scp = SCP_LIKE.matcher(cleaned);
        return scp.matches() ? slug(scp.group(2)) : Optional.empty();
    }

    private static Optional<String> slug(String path) {
        String normalized = trimSlashes(path.strip());
        if (normalized.endsWith(".git")) {
            normalized = normalized.substring(0, normalized.length() - 4);
        }
        List<String> segments = new ArrayList<>();
        for (String segment : normalized.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments.size() < 2 ? Optional.empty() : Optional.of(String.join("/", segments));
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
