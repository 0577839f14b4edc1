package dev.switchboard.config;

/**
 * One command-line flag: its name (without {@code --}), how many values follow it (0 for a switch; a value may
 * also be given as {@code --flag=value} when it takes one), whether it may be repeated, and its {@code --help} line.
 *
 * @param values how many values follow the flag: 0, 1 or 2
 * @param args   how the values read in the help text, e.g. {@code FILE}; empty for a switch
 */
public record FlagSpec(String name, int values, boolean repeatable, String args, String help) {

    public static FlagSpec toggle(String name, String help) {
        return new FlagSpec(name, 0, false, "", help);
    }

    public static FlagSpec value(String name, String args, String help) {
        return new FlagSpec(name, 1, false, args, help);
    }

    public static FlagSpec repeatable(String name, String args, String help) {
        return new FlagSpec(name, 1, true, args, help);
    }

    public static FlagSpec pair(String name, String args, String help) {
        return new FlagSpec(name, 2, false, args, help);
    }
}
