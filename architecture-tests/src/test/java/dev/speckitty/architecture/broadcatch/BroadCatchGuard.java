package dev.speckitty.architecture.broadcatch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import dev.speckitty.architecture.RepositoryLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A catch of {@code Exception}, {@code RuntimeException} or {@code Throwable} in scoped code needs
 * {@code // broad-catch: <reason>} on the catch line or the line directly above (docs/spec/decisions.md decision 12).
 *
 * <p>Catches are found in bytecode, so lambdas, nested and anonymous classes and multi-catch cannot
 * slip past a text scan; the reason is then read from the source file the class was compiled from.
 */
public final class BroadCatchGuard {

    private final BroadCatchScope scope;
    private final List<Path> sourceRoots;
    private final RepositoryLayout repository;

    public BroadCatchGuard(BroadCatchScope scope, List<Path> sourceRoots, RepositoryLayout repository) {
        this.scope = scope;
        this.sourceRoots = List.copyOf(sourceRoots);
        this.repository = repository;
    }

    public BroadCatchAudit audit(JavaClasses classes) {
        List<JavaClass> scoped = classes.stream().filter(scope::contains).toList();
        // Keyed by location: a multi-catch or a catch shared by several handlers is one finding.
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (JavaClass javaClass : scoped) {
            for (Finding finding : audit(javaClass)) {
                findings.putIfAbsent(finding.location(), finding);
            }
        }
        List<Finding> sorted = new ArrayList<>(findings.values());
        sorted.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line));
        return new BroadCatchAudit(scoped.size(), List.copyOf(sorted));
    }

    private List<Finding> audit(JavaClass javaClass) {
        ClassModel classModel = BytecodeCatches.parse(classBytes(javaClass));
        List<CatchHandler> handlers = BytecodeCatches.broadHandlers(classModel);
        if (handlers.isEmpty()) {
            return List.of();
        }
        String sourceName = BytecodeCatches.sourceFileName(classModel).orElse(javaClass.getSimpleName() + ".java");
        Optional<Path> source = sourceFile(javaClass.getPackageName(), sourceName);
        if (source.isEmpty()) {
            String path = javaClass.getPackageName().replace('.', '/') + "/" + sourceName;
            return handlers.stream()
                    .map(handler -> new Finding(path, handler.handlerLine(), "(source file not found)",
                            "no source under " + sourceRoots + " to read a reason from"))
                    .toList();
        }
        List<String> lines = readLines(source.get());
        String path = repository.relative(source.get());
        List<Finding> findings = new ArrayList<>();
        for (CatchHandler handler : handlers) {
            judge(handler, lines, path).ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<Finding> judge(CatchHandler handler, List<String> lines, String path) {
        OptionalInt catchLine = CatchClauseLocator.locate(lines, handler);
        if (catchLine.isEmpty()) {
            if (handler.couldBeCompilerGenerated()) {
                return Optional.empty(); // try-with-resources / record pattern plumbing, not a catch anyone wrote
            }
            int line = handler.handlerLine();
            String text = line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
            return Optional.of(new Finding(path, line, text, "no catch of " + handler.caughtSimpleNames()
                    + " found in the source near this line (are classes and sources out of sync?)"));
        }
        int line = catchLine.getAsInt();
        String catchText = lines.get(line - 1);
        Optional<String> reason = BroadCatchReason.markedReason(catchText)
                .or(() -> line >= 2 ? reasonAbove(lines.get(line - 2)) : Optional.empty());
        if (reason.isEmpty()) {
            return Optional.of(new Finding(path, line, catchText.strip(),
                    "no '" + BroadCatchReason.MARKER + "' reason on the catch line or the line above"));
        }
        BroadCatchReason.Verdict verdict = BroadCatchReason.judge(reason.get());
        if (verdict == BroadCatchReason.Verdict.ACCEPTED) {
            return Optional.empty();
        }
        return Optional.of(new Finding(path, line, catchText.strip(),
                verdict.explanation() + ": \"" + reason.get().strip() + "\""));
    }

    /** The line above counts unless it is another catch, whose reason belongs to that catch. */
    private static Optional<String> reasonAbove(String lineAbove) {
        return CatchClauseLocator.opensCatch(lineAbove) ? Optional.empty() : BroadCatchReason.markedReason(lineAbove);
    }

    private Optional<Path> sourceFile(String packageName, String sourceName) {
        String relative = packageName.replace('.', '/') + "/" + sourceName;
        return sourceRoots.stream().map(root -> root.resolve(relative)).filter(Files::isRegularFile).findFirst();
    }

    private static byte[] classBytes(JavaClass javaClass) {
        var source = javaClass.getSource()
                .orElseThrow(() -> new IllegalStateException("no class file known for " + javaClass.getName()));
        try (InputStream in = source.getUri().toURL().openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + javaClass.getName(), e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
