package dev.switchboard.call;

/** Told of every change to a call, on whatever thread made it. Must be quick and never throw. */
@FunctionalInterface
public interface CallListener {
    void callChanged(Call call, CallChange change);
}
