package dev.switchboard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules that keep the layers apart (docs/architecture.md): data flows from the adapters up through the
 * application layer ({@code monitor}) to the views, and the UI is a kernel, views, windows and one shell.
 */
@AnalyzeClasses(packages = "dev.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] UI_FEATURES = {"..ui.calllist..", "..ui.transcript..", "..ui.inspector..", "..ui.metrics..",
            "..ui.accept..", "..ui.steering..", "..ui.team..", "..ui.history..", "..ui.profiles..", "..ui.replay..",
            "..ui.settings..", "..ui.setup..", "..ui.about..", "..ui.experiments..", "..ui.main..", "..ui.stage..", "..ui.audience..",
            "..ui.tools..", "..ui.analysis.."};

    @ArchTest
    static final ArchRule callIsPureDomain = classes().that().resideInAPackage("dev.switchboard.call..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.switchboard.call..", "java..")
            .because("the call model is plain Java: no other project package, no library");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.switchboard.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule uiReachesTheApplicationLayerOnly = noClasses().that().resideInAPackage("dev.switchboard.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.switchboard.store..", "dev.switchboard.sim..",
                    "dev.switchboard.openai..", "dev.switchboard.webhook..", "dev.switchboard.team..")
            .because("views reach storage, the network and the simulator only through the monitor's ports");

    @ArchTest
    static final ArchRule onlyAppUsesTheSimulator = noClasses().that().resideOutsideOfPackages(
                    "dev.switchboard.app..", "dev.switchboard.sim..")
            .should().dependOnClassesThat().resideInAPackage("dev.switchboard.sim..");

    @ArchTest
    static final ArchRule viewModelsNeedNoToolkit = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
            .because("view models are tested without a toolkit");

    @ArchTest
    static final ArchRule javaFxOnlyInUiAndApp = noClasses().that().resideOutsideOfPackages(
                    "dev.switchboard.ui..", "dev.switchboard.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..");

    @ArchTest
    static final ArchRule uiKernelImportsNoFeature = noClasses().that().resideInAPackage("dev.switchboard.ui")
            .should().dependOnClassesThat().resideInAnyPackage(UI_FEATURES)
            .because("the kernel is what every view shares; it knows none of them");

    @ArchTest
    static final ArchRule uiLayers = layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.switchboard.ui..")
            .layer("Kernel").definedBy("dev.switchboard.ui")
            .layer("Views").definedBy("..ui.calllist..", "..ui.transcript..", "..ui.inspector..", "..ui.accept..",
                    "..ui.steering..", "..ui.stage..", "..ui.team..", "..ui.metrics..", "..ui.tools..", "..ui.analysis..")
            .layer("Windows").definedBy("..ui.history..", "..ui.profiles..", "..ui.replay..", "..ui.settings..",
                    "..ui.setup..", "..ui.about..", "..ui.audience..", "..ui.experiments..")
            .layer("Shell").definedBy("..ui.main..")
            .whereLayer("Shell").mayNotBeAccessedByAnyLayer()
            .whereLayer("Windows").mayOnlyBeAccessedByLayers("Shell")
            .whereLayer("Views").mayOnlyBeAccessedByLayers("Windows", "Shell")
            .whereLayer("Kernel").mayOnlyBeAccessedByLayers("Views", "Windows", "Shell");

    @ArchTest
    static final ArchRule viewsDependOnTheKernelOnly = slices().matching("dev.switchboard.ui.(calllist|transcript|inspector|accept|steering|stage|team|metrics|tools|analysis)..")
            .should().notDependOnEachOther()
            .because("a view reuses the kernel, never another view");

    @ArchTest
    static final ArchRule windowsDoNotOpenEachOther = slices().matching("dev.switchboard.ui.(history|profiles|replay|settings|setup|about|audience|experiments)..")
            .should().notDependOnEachOther()
            .because("windows are linked by the shell, not by importing each other");

    @ArchTest
    static final ArchRule onlyAppWiresTeamMode = noClasses().that().resideOutsideOfPackages(
                    "dev.switchboard.app..", "dev.switchboard.team..")
            .should().dependOnClassesThat().resideInAPackage("dev.switchboard.team..")
            .because("team mode is an adapter beside store: the window gets its ports through a Backend");

    @ArchTest
    static final ArchRule appIsTheTop = noClasses().that().resideOutsideOfPackage("dev.switchboard.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.switchboard.app..");

    @ArchTest
    static final ArchRule storeIsStorageOnly = classes().that().resideInAPackage("dev.switchboard.store..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.switchboard.store..", "dev.switchboard.history..",
                    "dev.switchboard.call..", "dev.switchboard.util..", "java..", "javax..", "org.sqlite..",
                    "org.slf4j..", "com.fasterxml.jackson..");
}
