package dev.switchboard.call;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tool activity of one call in arrival order: what the sideband reported and how each was answered. A function
 * call or approval is answered at most once: {@link #answer} and {@link #decide} refuse a second answer.
 */
public final class ToolCalls {

    private final Call owner;
    private final Clock clock;
    private final Map<String, ToolCall> byId = new LinkedHashMap<>();
    /** item id → function call id, for deltas that carry only the item. */
    private final Map<String, String> callIdOfItem = new LinkedHashMap<>();

    ToolCalls(Call owner, Clock clock) {
        this.owner = owner;
        this.clock = clock;
    }

    public synchronized List<ToolCall> list() {
        return new ArrayList<>(byId.values());
    }

    public synchronized Optional<ToolCall> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Any function call or approval waiting for an answer. */
    public synchronized List<ToolCall> waiting() {
        return byId.values().stream().filter(ToolCall::awaitsAnswer).toList();
    }

    // ---- function calls ----

    /** The model started a function call (output item added) or streamed part of its arguments. */
    public void functionArguments(String itemId, String callId, String name, String delta) {
        synchronized (this) {
            String id = callId != null ? callId : callIdOfItem.getOrDefault(itemId, itemId);
            if (id == null) {
                return;
            }
            if (itemId != null) {
                callIdOfItem.put(itemId, id);
            }
            ToolCall old = byId.get(id);
            if (old == null) {
                old = new ToolCall(ToolCall.Kind.FUNCTION, id, itemId, name, "", "", ToolCall.Status.STREAMING, "",
                        "", clock.instant(), null, null, List.of());
            } else if (old.status() != ToolCall.Status.STREAMING) {
                return;
            }
            byId.put(id, new ToolCall(old.kind(), id, old.itemId() == null ? itemId : old.itemId(),
                    name != null && !name.isEmpty() ? name : old.name(), "", old.arguments() + (delta == null ? "" : delta),
                    old.status(), "", "", old.startedAt(), null, null, List.of()));
        }
        owner.changed(CallChange.TOOLS);
    }

    /** The arguments are complete: the model now waits for the output. Returns the call, now waiting. */
    public ToolCall functionDone(String itemId, String callId, String name, String arguments) {
        ToolCall waiting;
        synchronized (this) {
            ToolCall old = byId.get(callId);
            if (old != null && old.status() != ToolCall.Status.STREAMING) {
                return old; // a replayed .done: already waiting or answered
            }
            if (itemId != null) {
                callIdOfItem.put(itemId, callId);
            }
            waiting = new ToolCall(ToolCall.Kind.FUNCTION, callId, itemId, name, "", arguments,
                    ToolCall.Status.WAITING, "", "", old == null ? clock.instant() : old.startedAt(), clock.instant(),
                    null, List.of());
            byId.put(callId, waiting);
        }
        owner.changed(CallChange.TOOLS);
        return waiting;
    }

    /**
     * Marks a waiting function call answered; empty when it is not waiting (unknown, still streaming, or answered
     * already: a second answer is refused), else the problem in plain words.
     */
    public Optional<String> answer(String callId, String output, String how) {
        synchronized (this) {
            ToolCall c = byId.get(callId);
            if (c == null || c.kind() != ToolCall.Kind.FUNCTION) {
                return Optional.of("No function call " + callId + " in this call.");
            }
            if (c.status() == ToolCall.Status.STREAMING) {
                return Optional.of("The arguments of " + c.name() + " are still streaming.");
            }
            if (!c.awaitsAnswer()) {
                return Optional.of(c.name() + " (" + callId + ") was answered already.");
            }
            byId.put(callId, c.with(ToolCall.Status.ANSWERED, output, how, clock.instant()));
        }
        owner.changed(CallChange.TOOLS);
        return Optional.empty();
    }

    /** Undoes an answer that could not be sent, so it can be answered again. */
    public void answerNotSent(String callId, String reason) {
        synchronized (this) {
            ToolCall c = byId.get(callId);
            if (c == null) {
                return;
            }
            byId.put(callId, c.with(ToolCall.Status.WAITING, "", reason, null));
        }
        owner.changed(CallChange.TOOLS);
    }

    // ---- MCP ----

    public void mcpApprovalRequest(String itemId, String serverLabel, String name, String arguments) {
        synchronized (this) {
            if (byId.containsKey(itemId)) {
                return;
            }
            byId.put(itemId, new ToolCall(ToolCall.Kind.MCP_APPROVAL, itemId, itemId, name, serverLabel, arguments,
                    ToolCall.Status.WAITING, "", "", clock.instant(), clock.instant(), null, List.of()));
        }
        owner.changed(CallChange.TOOLS);
    }

    /** Approves or denies a waiting request once; the problem when it is not waiting. */
    public Optional<String> decide(String approvalId, boolean approve, String how) {
        synchronized (this) {
            ToolCall c = byId.get(approvalId);
            if (c == null || c.kind() != ToolCall.Kind.MCP_APPROVAL) {
                return Optional.of("No MCP approval request " + approvalId + " in this call.");
            }
            if (!c.awaitsAnswer()) {
                return Optional.of("The request for " + c.serverLabel() + "." + c.name() + " was "
                        + c.status().label() + " already.");
            }
            byId.put(approvalId, c.with(approve ? ToolCall.Status.APPROVED : ToolCall.Status.DENIED, "", how,
                    clock.instant()));
        }
        owner.changed(CallChange.TOOLS);
        return Optional.empty();
    }

    /** An MCP call the server runs: created on its item, updated by its argument and status events. */
    public void mcpCall(String itemId, String serverLabel, String name, String arguments, ToolCall.Status status,
                        String output, String error) {
        synchronized (this) {
            ToolCall old = byId.get(itemId);
            ToolCall base = old != null ? old : new ToolCall(ToolCall.Kind.MCP_CALL, itemId, itemId, name, serverLabel,
                    "", ToolCall.Status.RUNNING, "", "", clock.instant(), null, null, List.of());
            boolean done = status == ToolCall.Status.COMPLETED || status == ToolCall.Status.FAILED;
            byId.put(itemId, new ToolCall(base.kind(), itemId, itemId, pick(name, base.name()),
                    pick(serverLabel, base.serverLabel()), pick(arguments, base.arguments()),
                    status == null ? base.status() : status, pick(output, base.output()), pick(error, base.detail()),
                    base.startedAt(), null, done && base.doneAt() == null ? clock.instant() : base.doneAt(), List.of()));
        }
        owner.changed(CallChange.TOOLS);
    }

    public void mcpListTools(String itemId, String serverLabel, ToolCall.Status status, List<String> tools,
                             String error) {
        synchronized (this) {
            ToolCall old = byId.get(itemId);
            ToolCall base = old != null ? old : new ToolCall(ToolCall.Kind.MCP_LIST_TOOLS, itemId, itemId, "tools/list",
                    serverLabel, "", ToolCall.Status.RUNNING, "", "", clock.instant(), null, null, List.of());
            boolean done = status == ToolCall.Status.COMPLETED || status == ToolCall.Status.FAILED;
            byId.put(itemId, new ToolCall(base.kind(), itemId, itemId, base.name(), pick(serverLabel, base.serverLabel()),
                    "", status == null ? base.status() : status, "", pick(error, base.detail()), base.startedAt(), null,
                    done ? clock.instant() : base.doneAt(), tools == null || tools.isEmpty() ? base.listed() : tools));
        }
        owner.changed(CallChange.TOOLS);
    }

    private static String pick(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
