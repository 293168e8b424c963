package dev.speckitty.architecture.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.architecture.RepositoryLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test-fixtures module holds test doubles (an in-memory session store, a fake refresh lock...):
 * every module takes it in test scope only, so it is never on a production class path, and it depends
 * on the domain alone so any module's tests can use it. {@link ProductionIgnoresTestFixturesTest}
 * checks the bytecode side.
 */
class TestFixturesScopeTest {

    private static final String ARTIFACT = RepositoryLayout.TEST_FIXTURES_MODULE;
    private final Path root = RepositoryLayout.current().root();

    @Test
    void every_pom_declares_the_test_fixtures_in_test_scope_only() throws IOException {
        String rootPom = TestScopeDependencies.read(root.resolve("pom.xml"));
        List<String> modules = TestScopeDependencies.modules(rootPom);
        List<String> violations = new ArrayList<>(TestScopeDependencies.violations("pom.xml", rootPom, ARTIFACT));
        List<String> users = new ArrayList<>();
        for (String module : modules) {
            String pom = TestScopeDependencies.read(root.resolve(module).resolve("pom.xml"));
            violations.addAll(TestScopeDependencies.violations(module + "/pom.xml", pom, ARTIFACT));
            if (TestScopeDependencies.directDependencies(pom).contains(ARTIFACT)) {
                users.add(module);
            }
        }

        assertThat(modules).as("the root pom's modules").contains(ARTIFACT);
        // Guards against reading the wrong poms and passing for that reason.
        assertThat(users).as("modules whose tests use the fixtures").contains("application", "shell-app");
        assertThat(violations).isEmpty();
    }

    @Test
    void the_test_fixtures_depend_on_the_domain_alone() throws IOException {
        String pom = TestScopeDependencies.read(root.resolve(ARTIFACT).resolve("pom.xml"));

        assertThat(TestScopeDependencies.directDependencies(pom)).containsExactly("domain");
    }

    @Test
    void shell_app_runtime_classpath_has_no_test_fixtures() throws IOException {
        Path list = Path.of(System.getProperty("speckitty.runtimeDependencies", "target/runtime-dependencies.txt"));
        assertThat(list).as("written by maven-dependency-plugin:list; run through Maven").isRegularFile();

        assertThat(Files.readString(list)).contains(":shell-app:").doesNotContain(":" + ARTIFACT + ":");
    }

    @Test
    void a_compile_scope_declaration_is_reported() {
        String pom = """
                <project><dependencies>
                  <dependency><groupId>dev.speckitty</groupId><artifactId>test-fixtures</artifactId></dependency>
                  <dependency><groupId>dev.speckitty</groupId><artifactId>domain</artifactId></dependency>
                  <dependency><artifactId>test-fixtures</artifactId><scope>test</scope></dependency>
                </dependencies></project>""";

        assertThat(TestScopeDependencies.violations("x/pom.xml", pom, ARTIFACT))
                .containsExactly("x/pom.xml declares test-fixtures in scope (none, i.e. compile); it holds test "
                        + "doubles, so only <scope>test</scope> is allowed");
    }
}
