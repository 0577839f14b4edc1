package dev.switchboard.ui.tools;

import dev.switchboard.call.Call;
import dev.switchboard.call.ToolCall;
import dev.switchboard.call.ToolSet;
import dev.switchboard.ui.CallCommands;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tool cards of the shown call, one per function call (so parallel calls each get theirs), approval request,
 * MCP call and tools listing, in arrival order, updated in place. FX thread only.
 */
public final class ToolCardsViewModel {

    private final CallCommands commands;
    private final Clock clock;
    private final ObservableList<ToolCardViewModel> cards = FXCollections.observableArrayList();
    private final Map<String, ToolCardViewModel> byId = new HashMap<>();
    private final SimpleBooleanProperty anyWaiting = new SimpleBooleanProperty(this, "anyWaiting");
    private Call call;

    public ToolCardsViewModel(CallCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** Shows another call's tool activity (or none). */
    public void show(Call next) {
        call = next;
        cards.clear();
        byId.clear();
        refresh();
    }

    /** Brings the cards up to date with the call. */
    public void refresh() {
        if (call == null) {
            anyWaiting.set(false);
            return;
        }
        ToolSet configured = call.settings().map(s -> s.tools()).orElse(ToolSet.NONE);
        List<ToolCall> now = call.tools().list();
        boolean waiting = false;
        for (ToolCall t : now) {
            ToolCardViewModel card = byId.get(t.id());
            if (card == null) {
                card = new ToolCardViewModel(call, commands, t, configured.replyFor(t.name()).output(),
                        clock.instant());
                byId.put(t.id(), card);
                cards.add(card);
            } else {
                card.update(t, clock.instant());
            }
            waiting |= t.awaitsAnswer();
        }
        anyWaiting.set(waiting);
    }

    /** Advances the waiting timers (a few times a second while any card waits). */
    public void tick() {
        var now = clock.instant();
        cards.forEach(c -> c.tick(now));
    }

    public ObservableList<ToolCardViewModel> cards() {
        return cards;
    }

    /** True while a function call or approval waits for an answer: the timers need ticking. */
    public ReadOnlyBooleanProperty anyWaitingProperty() {
        return anyWaiting;
    }
}
