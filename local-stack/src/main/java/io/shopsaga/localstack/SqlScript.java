package io.shopsaga.localstack;

import java.util.ArrayList;
import java.util.List;

/** Splits an SQL script into statements at semicolons outside quotes, dropping comments. */
final class SqlScript {

    private SqlScript() {
    }

    /**
     * The statements of {@code script}, trimmed, without their terminating semicolon. Understands single, double
     * and back quotes (with doubled-quote and backslash escapes), {@code -- } and {@code #} line comments and
     * {@code /* *}{@code /} block comments: enough for DDL scripts, not a full SQL lexer.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : '\0';
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(script, i);
                current.append(script, i, end);
                i = end;
            }
            else if ((c == '-' && next == '-' && (i + 2 >= n || Character.isWhitespace(script.charAt(i + 2))))
                    || c == '#') {
                int newline = script.indexOf('\n', i);
                i = newline < 0 ? n : newline;
            }
            else if (c == '/' && next == '*') {
                int close = script.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("Unterminated /* comment in SQL script");
                }
                current.append(' ');
                i = close + 2;
            }
            else if (c == ';') {
                add(statements, current);
                i++;
            }
            else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    private static int endOfQuoted(String script, int start) {
        char quote = script.charAt(start);
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            }
            else if (c == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                }
                else {
                    return i + 1;
                }
            }
            else {
                i++;
            }
        }
        throw new IllegalArgumentException("Unterminated " + quote + " quote in SQL script");
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
