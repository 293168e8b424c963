package dev.speckitty.architecture.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.speckitty.architecture.ProductionClasses;

/**
 * Packages are grouped by what they are for (docs/architecture.md, issue 13): in adapters-storage the
 * encrypted session store ({@code session}) and the local event queue ({@code queue}) share only the
 * owner-only file helpers ({@code files}), which know neither; in application the session core
 * ({@code session}) that sync, tracker, teamspace and login build on knows none of them, and only the
 * shell reaches login.
 */
@AnalyzeClasses(locations = ProductionClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ConceptGroupingTest {

    private static final String STORAGE = "dev.speckitty.adapters.storage";

    @ArchTest
    static final ArchRule queue_knows_no_session = noClasses()
            .that().resideInAPackage(STORAGE + ".queue..")
            .should().dependOnClassesThat().resideInAPackage(STORAGE + ".session..")
            .as("the local event queue depends on no part of the session store");

    @ArchTest
    static final ArchRule session_knows_no_queue = noClasses()
            .that().resideInAPackage(STORAGE + ".session..")
            .should().dependOnClassesThat().resideInAPackage(STORAGE + ".queue..")
            .as("the session store depends on no part of the local event queue");

    @ArchTest
    static final ArchRule shared_files_know_neither = noClasses()
            .that().resideInAPackage(STORAGE + ".files..")
            .should().dependOnClassesThat().resideInAnyPackage(STORAGE + ".session..", STORAGE + ".queue..")
            .as("the shared owner-only file helpers depend on neither the session store nor the queue");

    @ArchTest
    static final ArchRule storage_is_grouped_by_concept = classes()
            .that().resideInAPackage(STORAGE + "..")
            .should().resideInAnyPackage(STORAGE + ".session..", STORAGE + ".queue..", STORAGE + ".files..")
            .as("every adapters-storage class belongs to session, queue or the shared files helpers");

    @ArchTest
    static final ArchRule session_core_knows_no_use_case_above_it = noClasses()
            .that().resideInAPackage("dev.speckitty.application.session..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.speckitty.application.login..",
                    "dev.speckitty.application.sync..", "dev.speckitty.application.tracker..",
                    "dev.speckitty.application.teamspace..")
            .as("the session core depends on no login, sync, tracker or teamspace use case");

    @ArchTest
    static final ArchRule hosted_use_cases_need_no_login = noClasses()
            .that().resideInAnyPackage("dev.speckitty.application.sync..", "dev.speckitty.application.tracker..",
                    "dev.speckitty.application.teamspace..")
            .should().dependOnClassesThat().resideInAPackage("dev.speckitty.application.login..")
            .as("sync, tracker and teamspace use the session core, never login (the shell offers a login)");
}
