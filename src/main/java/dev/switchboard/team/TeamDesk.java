package dev.switchboard.team;

import dev.switchboard.call.PriceTable;
import dev.switchboard.monitor.Backend;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting a desk or a hub from the options, for {@code app}: the wiring lives here, beside what it wires. */
public final class TeamDesk {

    private TeamDesk() {
    }

    /** A watcher, started; the window's {@link Backend} is {@link WatcherBackend#of(TeamWatcher)}. */
    public static TeamWatcher watch(HubUrl url, String desk, PriceTable prices) {
        RedisBus bus = new RedisBus(url, "switchboard-desk-" + desk, RedisBus.DEFAULT_TRIM);
        return new TeamWatcher(bus, desk, Clock.systemUTC(), prices).start();
    }

    /**
     * {@code --attach URL --say CALL_ID TEXT}: 0 with the hub's answer on {@code out}, or 1 with the reason on one
     * line on {@code err}.
     */
    public static int say(HubUrl url, String desk, List<String> callAndText, PrintStream out, PrintStream err) {
        try (RedisBus bus = new RedisBus(url, "switchboard-say-" + desk, RedisBus.DEFAULT_TRIM)) {
            CommandClient client = CommandClient.standalone(bus, desk);
            try {
                String answer = client.say(callAndText.get(0), callAndText.get(1))
                        .get((long) (CommandClient.ANSWER_SECONDS * 1000) + 3000, TimeUnit.MILLISECONDS);
                out.println(answer);
                return 0;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String reason = cause instanceof TeamCommandException ? cause.getMessage()
                        : "team hub " + url + " unreachable: " + firstLine(cause);
                err.println("switchboard: " + reason);
                return 1;
            } catch (TimeoutException e) {
                err.println("switchboard: no answer in 5 s");
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } finally {
                client.close();
            }
        }
    }

    private static String firstLine(Throwable t) {
        String m = t == null ? null : t.getMessage();
        return m == null ? String.valueOf(t) : m.lines().findFirst().orElse(m);
    }
}
