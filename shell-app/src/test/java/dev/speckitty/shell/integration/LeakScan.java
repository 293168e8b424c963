package dev.speckitty.shell.integration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Searches texts and files for known secrets, and for anything shaped like an emulator token,
 * counting what it scanned. A finding names the secret's kind, a 6-character prefix and where it
 * was found, never the secret itself.
 */
final class LeakScan {

    /** A secret to look for; {@code kind} is for the summary and findings. */
    record Needle(String kind, String value) {
        @Override
        public String toString() {
            return kind + " " + value.substring(0, Math.min(6, value.length())) + "…";
        }
    }

    /** The emulator's token alphabet and length (prefix + 24 random bytes in base64url). */
    private static final Pattern TOKEN_SHAPED = Pattern.compile("\\b(?:at|rt|ac|dc)_[A-Za-z0-9_-]{32}");

    private final List<Needle> needles;
    private final List<String> findings = new ArrayList<>();
    private final Map<String, Integer> scannedByKind = new TreeMap<>();
    private long bytes;

    LeakScan(List<Needle> needles) {
        this.needles = List.copyOf(needles);
    }

    /** Scans one text (a process's stdout, a log); {@code kind} groups it in the summary. */
    void text(String kind, String where, String content) {
        scannedByKind.merge(kind, 1, Integer::sum);
        bytes += content.getBytes(StandardCharsets.UTF_8).length;
        for (Needle needle : needles) {
            if (content.contains(needle.value())) {
                findings.add(needle + " in " + where);
            }
        }
        Matcher tokenShaped = TOKEN_SHAPED.matcher(content);
        while (tokenShaped.find()) {
            findings.add("a token-shaped string " + tokenShaped.group().substring(0, 6) + "… in " + where);
        }
    }

    /** Scans every regular file under {@code root} byte for byte (binary files too); returns them. */
    List<Path> tree(Path root) throws IOException {
        List<Path> files;
        try (var walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            text("file", file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
        return files;
    }

    List<String> findings() {
        return List.copyOf(findings);
    }

    String summary() {
        Map<String, Integer> needlesByKind = new TreeMap<>();
        needles.forEach(needle -> needlesByKind.merge(needle.kind(), 1, Integer::sum));
        return "scanned " + scannedByKind + ", " + bytes + " bytes; secrets checked " + needles.size() + " "
                + needlesByKind + "; findings " + findings.size();
    }
}
