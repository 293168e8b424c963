package dev.speckitty.architecture.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule for citing the product spec: it lives in {@code docs/spec/} and is cited by that repository path
 * ({@code docs/spec/behaviour.md §3.3}), so a citation works in any clean checkout. Flags a spec folder
 * outside the repository, an upstream spec file named without its path, and a {@code docs/spec/} file that
 * does not exist. Pages inside {@code docs/spec/} may name their siblings by file name alone.
 */
final class SpecCitations {

    static final String SPEC_DIR = "docs/spec";

    /**
     * A spec file, bare or with a path: {@code behaviour.md}, {@code hosted-contract}, {@code ../x/spec/a.md},
     * {@code docs/spec/exit-codes.md}. A path counts when a folder named {@code spec} holds the file or the
     * file has an upstream spec name.
     */
    private static final Pattern SPEC_FILE = Pattern.compile("(?<![\\w.~/-])(?:[\\w.~-]+/|/)*?"
            + "(?:spec/[\\w.-]+\\.md|behaviour\\.md|(?:hosted|hardening)-contract(?:\\.md)?)(?![\\w-])");
    /** The upstream spec folder named without a file. */
    private static final Pattern SHARED_SPEC_FOLDER =
            Pattern.compile("(?<![\\w.~/-])[\\w.~/-]*shared/spec(?![\\w-])(?!/[\\w.-]+\\.md)");

    private SpecCitations() {
    }

    /**
     * @param path repository-relative POSIX path of the file, for the findings and the sibling rule
     * @param specFileExists whether {@code docs/spec/<name>} exists, given the name
     */
    static List<String> findings(String path, String text, Predicate<String> specFileExists) {
        boolean insideSpec = path.startsWith(SPEC_DIR + "/");
        List<String> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = path + ":" + (i + 1) + ": ";
            Matcher folder = SHARED_SPEC_FOLDER.matcher(lines[i]);
            while (folder.find()) {
                findings.add(where + "spec folder outside the repository: " + folder.group()
                        + " (cite " + SPEC_DIR + "/<file> instead)");
            }
            Matcher cited = SPEC_FILE.matcher(lines[i]);
            while (cited.find()) {
                problem(cited.group(), insideSpec, specFileExists).ifPresent(problem -> findings.add(where + problem));
            }
        }
        return findings;
    }

    private static Optional<String> problem(String citation, boolean insideSpec, Predicate<String> specFileExists) {
        if (citation.startsWith(SPEC_DIR + "/")) {
            String file = markdown(citation.substring(SPEC_DIR.length() + 1));
            return specFileExists.test(file) ? Optional.empty()
                    : Optional.of("cites " + citation + ", which does not exist");
        }
        if (citation.contains("/")) {
            return Optional.of("spec file outside the repository: " + citation + " (cite " + SPEC_DIR + "/<file>)");
        }
        if (insideSpec && specFileExists.test(markdown(citation))) {
            return Optional.empty(); // a sibling page, named from inside docs/spec/
        }
        return Optional.of("spec file cited without its in-repo path: " + citation
                + " (cite " + SPEC_DIR + "/" + markdown(citation) + ")");
    }

    private static String markdown(String name) {
        return name.endsWith(".md") ? name : name + ".md";
    }
}
