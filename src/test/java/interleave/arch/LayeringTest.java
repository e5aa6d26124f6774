package interleave.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Only the app touches JavaFX; the layers below never depend on the ones above. */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("interleave");

    @Test
    void nothingOutsideTheAppImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("interleave.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(CLASSES);
    }

    @Test
    void theEngineAndTraceKnowNothingOfScenariosCliOrApp() {
        noClasses().that().resideInAnyPackage("interleave.engine..", "interleave.trace..")
                .should().dependOnClassesThat().resideInAnyPackage("interleave.scenario..", "interleave.cli..",
                        "interleave.app..")
                .check(CLASSES);
    }

    @Test
    void theTraceDoesNotDependOnTheEngine() {
        noClasses().that().resideInAPackage("interleave.trace..")
                .should().dependOnClassesThat().resideInAPackage("interleave.engine..")
                .check(CLASSES);
    }

    @Test
    void scenariosDoNotDependOnTheCliOrTheApp() {
        noClasses().that().resideInAPackage("interleave.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("interleave.cli..", "interleave.app..")
                .check(CLASSES);
    }

    /**
     * The Python rules (the Py* primitives, Strand's thread rules, the wait queue, the wait-for graph, the error
     * table, the timeouts) know nothing of how threads are run: not the runtimes, not Java's own threads or locks.
     */
    @Test
    void thePythonRulesAreFreeOfTheRuntimes() {
        noClasses().that().resideInAPackage("interleave.engine")
                .and().haveSimpleNameStartingWith("Py")
                .or().haveFullyQualifiedName("interleave.engine.Strand")
                .or().haveFullyQualifiedName("interleave.engine.WaitQueue")
                .or().haveFullyQualifiedName("interleave.engine.WaitForGraph")
                .or().haveFullyQualifiedName("interleave.engine.Timeouts")
                .should().dependOnClassesThat().haveFullyQualifiedName("interleave.engine.SimKernel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("interleave.engine.OsKernel")
                .orShould().dependOnClassesThat().haveNameMatching("interleave\\.engine\\.(Sim|Os)Kernel\\$.*")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..")
                .orShould().dependOnClassesThat().belongToAnyOf(Thread.class)
                .check(CLASSES);
    }

    @Test
    void theAppNeverDrivesWorkerThreadsItself() {
        noClasses().that().resideInAPackage("interleave.app..")
                .should().dependOnClassesThat().haveFullyQualifiedName("interleave.engine.SimKernel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("interleave.engine.OsKernel")
                .check(CLASSES);
    }
}
