package io.shopsaga.deploy.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Dockerfile as a list of instructions, grouped into build stages: line continuations joined, comments and
 * the parser directive dropped.
 *
 * @param globalArgs the {@code ARG}s before the first {@code FROM}, with their defaults (may appear in {@code FROM})
 * @param stages     the build stages in order; the last one is the image
 */
public record Dockerfile(Map<String, String> globalArgs, List<Stage> stages) {

    /** One instruction: the keyword (upper case) and its arguments as written. */
    public record Instruction(String keyword, String arguments) {
    }

    /** A build stage: {@code FROM <base> [AS <name>]} and what follows it. */
    public record Stage(String base, String name, List<Instruction> instructions) {
    }

    /** Parses Dockerfile text. */
    public static Dockerfile parse(String text) {
        Map<String, String> globalArgs = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        for (Instruction instruction : instructions(text)) {
            if (instruction.keyword().equals("FROM")) {
                String[] words = instruction.arguments().split("\\s+");
                List<String> parts = new ArrayList<>();
                for (String word : words) {
                    if (!word.startsWith("--")) {
                        parts.add(word);   // skips --platform=...
                    }
                }
                String base = parts.isEmpty() ? "" : parts.getFirst();
                String name = parts.size() >= 3 && parts.get(1).equalsIgnoreCase("AS") ? parts.get(2) : null;
                current = new ArrayList<>();
                stages.add(new Stage(base, name, current));
            } else if (current == null) {
                if (instruction.keyword().equals("ARG")) {
                    String[] nameAndDefault = instruction.arguments().split("=", 2);
                    globalArgs.put(nameAndDefault[0].strip(), nameAndDefault.length > 1 ? nameAndDefault[1].strip() : "");
                }
            } else {
                current.add(instruction);
            }
        }
        return new Dockerfile(globalArgs, stages);
    }

    /** The image's stage: the last one. */
    public Stage finalStage() {
        if (stages.isEmpty()) {
            throw new IllegalStateException("a Dockerfile without FROM");
        }
        return stages.getLast();
    }

    private static List<Instruction> instructions(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && logical.isEmpty())) {
                continue;   // comments (also inside a continued instruction) and blank lines
            }
            if (stripped.endsWith("\\")) {
                logical.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            logical.append(stripped);
            String instruction = logical.toString().strip();
            logical.setLength(0);
            if (instruction.isEmpty()) {
                continue;
            }
            String[] keywordAndRest = instruction.split("\\s+", 2);
            instructions.add(new Instruction(keywordAndRest[0].toUpperCase(Locale.ROOT),
                    keywordAndRest.length > 1 ? keywordAndRest[1] : ""));
        }
        return instructions;
    }
}
