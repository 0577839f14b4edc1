package dev.switchboard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.history.ArmStats;
import dev.switchboard.history.ExperimentInfo;
import dev.switchboard.history.ExperimentResult;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.monitor.Backend;
import dev.switchboard.monitor.ExperimentService;
import dev.switchboard.monitor.HistoryService;
import dev.switchboard.monitor.ProfileService;
import dev.switchboard.monitor.StoredHistory;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.ui.main.SwitchboardViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accept panel's default follows the running experiment: a ringing call offers the arm it was given. */
class ExperimentArmDefaultTest {

    @TempDir
    Path dir;

    private final FakeBackend fake = new FakeBackend(new TestClock(), false);
    private final Map<String, ProfileVersion> arms = new ConcurrentHashMap<>();
    private HistoryStore store;
    private ProfileVersion a;
    private ProfileVersion b1;
    private SwitchboardViewModel window;
    private volatile ProfileVersion nextArm;

    @BeforeEach
    void setUp() {
        store = HistoryStore.open(dir.resolve("switchboard.db"));
        a = store.profiles().create("Support A", AcceptSettings.defaults().withInstructions("Arm A."));
        b1 = store.profiles().create("Support B", AcceptSettings.defaults().withInstructions("Arm B, first."));
        // a newer version saved after the experiment started: the call must still get the version of its arm
        store.profiles().save("Support B", AcceptSettings.defaults().withInstructions("Arm B, second."));
        fake.streamAfterAccept = false;
        fake.history = store;
        // like ProfileAccept, which is attached before the window: the arm is given as the call arrives
        fake.calls().onAdded(call -> {
            ProfileVersion arm = nextArm;
            if (arm != null) {
                arms.put(call.id(), arm);
            }
        });
        Backend plain = fake.backend();
        StoredHistory stored = new StoredHistory(store, List::of);
        Backend backend = new Backend(plain.calls(), fake, fake, fake, fake, fake, Optional.of((HistoryService) stored),
                Optional.of((ProfileService) stored), Optional.empty(), Optional.of(experiments()));
        window = new SwitchboardViewModel(backend, UiTasks.direct(), () -> { });
        window.start();
        window.profilePicker().reload().join();
    }

    @AfterEach
    void tearDown() {
        window.close();
        store.close();
    }

    @Test
    void aRingingCallPreselectsItsArmAndAcceptRecordsIt() {
        Call first = ringWithArm(a);
        assertEquals(first, window.callList().selected().call());
        assertEquals("Support A v1", window.profilePicker().selectedProperty().get().toString());
        assertEquals("Arm A.", window.accept().instructionsProperty().get());
        assertTrue(window.profilePicker().statusProperty().get().contains("Experiment arm"),
                window.profilePicker().statusProperty().get());
        assertTrue(window.acceptSelected());
        assertEquals(List.of(a), fake.acceptedProfiles);

        Call second = ringWithArm(b1);
        // the first call is live, so the person picks the ringing one from the list
        window.callList().selectedProperty().set(window.callList().rows().stream()
                .filter(r -> r.call() == second).findFirst().orElseThrow());
        assertEquals("Support B v1", window.profilePicker().selectedProperty().get().toString());
        assertEquals("Arm B, first.", window.accept().instructionsProperty().get());
        assertTrue(window.acceptSelected());
        assertEquals(List.of(a, b1), fake.acceptedProfiles);
    }

    @Test
    void withoutAnArmOrWithAutoAcceptThePickStaysAsItWas() {
        window.profilePicker().select("Support A");
        fake.ring();
        assertEquals("Support A v1", window.profilePicker().selectedProperty().get().toString());

        window.autoAcceptProperty().set(true);
        ringWithArm(b1);
        assertEquals("Support A v1", window.profilePicker().selectedProperty().get().toString(),
                "auto-accept accepts with the arm itself; the panel is left alone");
    }

    /** Rings a call the experiment has given {@code arm}, as ProfileAccept does on arrival. */
    private Call ringWithArm(ProfileVersion arm) {
        nextArm = arm;
        try {
            return fake.ring();
        } finally {
            nextArm = null;
        }
    }

    private ExperimentService experiments() {
        return new ExperimentService() {
            public List<ExperimentInfo> experiments() {
                return List.of();
            }

            public Optional<ExperimentInfo> running() {
                return Optional.empty();
            }

            public ExperimentInfo start(String name, List<String> names, List<Double> weights) {
                throw new UnsupportedOperationException();
            }

            public void stop() {
            }

            public ExperimentResult result(long id) {
                throw new UnsupportedOperationException();
            }

            public Map<Integer, ArmStats> versionStats(String profileName) {
                return Map.of();
            }

            @Override
            public Optional<ProfileVersion> armFor(String callId) {
                return Optional.ofNullable(arms.get(callId));
            }
        };
    }
}
