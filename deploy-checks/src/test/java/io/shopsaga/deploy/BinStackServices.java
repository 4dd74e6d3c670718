package io.shopsaga.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services that {@code bin/stack} starts: the {@code SERVICES=( "<module> <port> [<actuator port>]" ... )} table
 * at its top.
 */
public final class BinStackServices {

    private static final Pattern TABLE = Pattern.compile("(?ms)^SERVICES=\\((.*?)^\\)");
    private static final Pattern ENTRY = Pattern.compile("\"\\s*([A-Za-z0-9-]+)\\s+(\\d+)(?:\\s+(\\d+))?\\s*\"");

    private BinStackServices() {
    }

    /** The module names in the table, in start order; empty when the script has no such table. */
    public static List<String> modules(String script) {
        Matcher table = TABLE.matcher(script);
        List<String> modules = new ArrayList<>();
        if (table.find()) {
            Matcher entry = ENTRY.matcher(table.group(1));
            while (entry.find()) {
                modules.add(entry.group(1));
            }
        }
        return modules;
    }
}
