package io.shopsaga.deploy;

import java.util.regex.Pattern;

/**
 * A container image reference, {@code [registry/]repository[:tag][@digest]}.
 *
 * @param repository everything before the tag, registry included
 * @param tag        the tag, or {@code null} when there is none (which means {@code latest})
 * @param digest     the digest, or {@code null}
 */
public record ImageReference(String repository, String tag, String digest) {

    /** An exact release: at least major.minor.patch (e.g. {@code 8.4.6}, {@code 25.0.2_10-jre-noble}). */
    private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    /** Parses a reference; a colon in the registry part ({@code host:5000/app}) is not taken for a tag. */
    public static ImageReference parse(String reference) {
        String rest = reference.strip();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            return new ImageReference(rest.substring(0, colon), rest.substring(colon + 1), digest);
        }
        return new ImageReference(rest, null, digest);
    }

    /** Pinned: by digest, or by a tag naming an exact release (never {@code latest}, nor a bare major like {@code 25-jre}). */
    public boolean isPinned() {
        if (digest != null && digest.startsWith("sha256:")) {
            return true;
        }
        return hasExplicitTag() && EXACT_VERSION.matcher(tag).find();
    }

    /** Has a tag of its own that is not {@code latest}. */
    public boolean hasExplicitTag() {
        return tag != null && !tag.isBlank() && !tag.equals("latest");
    }
}
