package io.shopsaga.deploy.docker;

import io.shopsaga.deploy.ImageReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules for a Dockerfile; each returns the problems found, an empty list when the rule holds. */
public final class DockerfileRules {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    private DockerfileRules() {
    }

    /**
     * Every base image is pinned to an exact release (or digest): no {@code latest}, no missing or floating tag.
     * {@code FROM} of an earlier stage, and {@code scratch}, need no pin; ARG defaults are substituted.
     */
    public static List<String> unpinnedBaseImages(Dockerfile dockerfile) {
        List<String> problems = new ArrayList<>();
        Set<String> earlierStages = new HashSet<>();
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            String base = substitute(stage.base(), dockerfile.globalArgs());
            if (!earlierStages.contains(base) && !base.equals("scratch")) {
                if (base.contains("$")) {
                    problems.add("FROM " + stage.base() + ": the base image depends on an ARG without a default");
                } else if (!ImageReference.parse(base).isPinned()) {
                    problems.add("FROM " + base + ": the base image is not pinned to an exact version");
                }
            }
            if (stage.name() != null) {
                earlierStages.add(stage.name());
            }
        }
        return problems;
    }

    /** The image (final stage) switches to a user that is not root, and nothing switches back after it. */
    public static List<String> rootUserProblems(Dockerfile dockerfile) {
        String user = null;
        for (Dockerfile.Instruction instruction : dockerfile.finalStage().instructions()) {
            if (instruction.keyword().equals("USER")) {
                user = instruction.arguments().strip();
            }
        }
        if (user == null) {
            return List.of("the final stage has no USER: the image runs as root");
        }
        String name = user.split(":", 2)[0];
        if (name.equals("root") || name.equals("0")) {
            return List.of("the final stage runs as USER " + user);
        }
        return List.of();
    }

    /** The final stage's user is numeric, so that Kubernetes' runAsNonRoot can verify it without a passwd lookup. */
    public static List<String> nonNumericUser(Dockerfile dockerfile) {
        return dockerfile.finalStage().instructions().stream()
                .filter(i -> i.keyword().equals("USER"))
                .map(i -> i.arguments().strip())
                .filter(user -> !user.matches("\\d+(:\\d+)?"))
                .map(user -> "USER " + user + " is not numeric (uid[:gid])")
                .toList();
    }

    private static String substitute(String text, Map<String, String> args) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = args.get(matcher.group(1));
            matcher.appendReplacement(result, Matcher.quoteReplacement(value == null || value.isEmpty() ? matcher.group() : value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
