package dev.speckitty.architecture.broadcatch;

import static dev.speckitty.architecture.broadcatch.FixtureSources.catchLocation;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.speckitty.architecture.RepositoryLayout;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard itself, run over the fixtures in {@code dev.speckitty.architecture.fixtures}. */
class BroadCatchGuardTest {

    private static final BroadCatchScope FIXTURE_SCOPE =
            new BroadCatchScope(List.of("dev.speckitty.architecture.fixtures.scoped.."));

    private static JavaClasses fixtures;
    private static BroadCatchAudit audit;

    @BeforeAll
    static void auditFixtures() {
        fixtures = new ClassFileImporter().importPackages("dev.speckitty.architecture.fixtures");
        audit = guard(FIXTURE_SCOPE).audit(fixtures);
    }

    private static BroadCatchGuard guard(BroadCatchScope scope) {
        RepositoryLayout repository = RepositoryLayout.current();
        return new BroadCatchGuard(scope, List.of(repository.fixtureSourceRoot()), repository);
    }

    private static List<String> locations(BroadCatchAudit result) {
        return result.findings().stream().map(Finding::location).toList();
    }

    @Test
    void reports_exactly_the_unjustified_broad_catches() {
        assertThat(locations(audit)).containsExactlyInAnyOrder(
                catchLocation("scoped/HiddenCatches.java", "inLambda"),
                catchLocation("scoped/HiddenCatches.java", "inNested"),
                catchLocation("scoped/HiddenCatches.java", "inInner"),
                catchLocation("scoped/HiddenCatches.java", "inAnonymous"),
                catchLocation("scoped/MultiCatches.java", "multiUnjustified"),
                catchLocation("scoped/MultiCatches.java", "multiLine"),
                catchLocation("scoped/UnjustifiedCatches.java", "unjustified"),
                catchLocation("scoped/UnjustifiedCatches.java", "emptyHandler"),
                catchLocation("scoped/UnjustifiedCatches.java", "emptyBlock"),
                catchLocation("scoped/UnjustifiedCatches.java", "caughtThrowable"),
                catchLocation("scoped/UnjustifiedCatches.java", "markerWithoutColon"),
                catchLocation("scoped/UnjustifiedCatches.java", "borrowedReason"),
                catchLocation("scoped/WeakReasons.java", "reasonIgnore"),
                catchLocation("scoped/WeakReasons.java", "reasonTodo"),
                catchLocation("scoped/WeakReasons.java", "reasonCatchAll"),
                catchLocation("scoped/WeakReasons.java", "reasonCatchHyphenAll"),
                catchLocation("scoped/WeakReasons.java", "reasonLoneDash"),
                catchLocation("scoped/WeakReasons.java", "reasonEmpty"),
                catchLocation("scoped/WeakReasons.java", "reasonTwoWords"));
    }

    @ParameterizedTest
    @CsvSource({
        "scoped/JustifiedCatches.java, justifiedInline",
        "scoped/JustifiedCatches.java, justifiedAbove",
        "scoped/JustifiedCatches.java, justifiedThrowable",
        "scoped/MultiCatches.java, multiJustified",
    })
    void a_justified_broad_catch_passes(String file, String parameter) {
        assertThat(locations(audit)).doesNotContain(catchLocation(file, parameter));
    }

    @ParameterizedTest
    @CsvSource({"narrowIo", "narrowState", "narrowOwnException"})
    void narrow_catches_and_compiler_generated_handlers_are_ignored(String parameter) {
        assertThat(locations(audit)).doesNotContain(catchLocation("scoped/NarrowCatches.java", parameter));
        assertThat(locations(audit)).noneMatch(location -> location.contains("NarrowCatches.java"));
    }

    @Test
    void an_unjustified_plain_catch_is_reported_with_path_line_suppression_and_remediation() {
        String location = catchLocation("scoped/UnjustifiedCatches.java", "unjustified");

        assertThat(audit.findings()).filteredOn(finding -> finding.location().equals(location)).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.suppression()).isEqualTo("} catch (Exception unjustified) {");
                    assertThat(finding.render()).contains(
                            location,
                            "suppression: } catch (Exception unjustified) {",
                            "remediation: Add a specific safety reason after '// broad-catch:' that names the boundary, "
                                    + "translation, logging, downgrade, or cleanup behavior; otherwise narrow the exception type.");
                });
    }

    @Test
    void a_weak_reason_says_why_it_was_rejected() {
        Finding generic = findingAt(catchLocation("scoped/WeakReasons.java", "reasonIgnore"));
        Finding twoWords = findingAt(catchLocation("scoped/WeakReasons.java", "reasonTwoWords"));

        assertThat(generic.problem()).contains("generic word").contains("\"ignore\"");
        assertThat(twoWords.problem()).contains("fewer than 3 words").contains("\"ignore errors\"");
    }

    @Test
    void the_report_lists_every_finding() {
        String report = audit.report();

        assertThat(report).startsWith("broad-catch guard: " + audit.findings().size() + " unjustified broad catch(es)");
        assertThat(audit.findings()).allSatisfy(finding -> assertThat(report).contains(finding.render()));
        assertThat(report.split("remediation: ", -1)).hasSize(audit.findings().size() + 1);
    }

    @Test
    void an_out_of_scope_catch_is_ignored_though_the_same_guard_would_report_it_in_scope() {
        String outOfScope = catchLocation("outofscope/OutOfScopeCatch.java", "outOfScope");
        BroadCatchScope widened = new BroadCatchScope(List.of(
                "dev.speckitty.architecture.fixtures.scoped..", "dev.speckitty.architecture.fixtures.outofscope.."));

        assertThat(locations(audit)).doesNotContain(outOfScope);
        assertThat(locations(guard(widened).audit(fixtures))).contains(outOfScope);
    }

    @Test
    void only_classes_in_scope_are_scanned() {
        long scopedFixtureClasses = fixtures.stream()
                .filter(javaClass -> javaClass.getPackageName().equals("dev.speckitty.architecture.fixtures.scoped"))
                .count();

        assertThat(audit.scannedClasses()).isEqualTo(scopedFixtureClasses).isGreaterThan(5);
    }

    @Test
    void a_class_whose_source_cannot_be_found_is_reported_not_skipped() {
        var guardWithoutSources = new BroadCatchGuard(FIXTURE_SCOPE, List.of(), RepositoryLayout.current());

        assertThat(guardWithoutSources.audit(fixtures).findings())
                .isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.suppression()).isEqualTo("(source file not found)"));
    }

    private static Finding findingAt(String location) {
        return audit.findings().stream().filter(finding -> finding.location().equals(location)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at " + location + " in\n" + audit.report()));
    }
}
