package io.shopsaga.ranking.domain;

import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.defaults.error.BusinessException.Kind;

/** The bounds of a ranking request: a window of 1 to 30 days, 1 to 100 products. */
public final class RankingRules {

    public static final int DAYS_MAX = 30;
    public static final int LIMIT_MAX = 100;
    /** What the seed call {@code GET /topProducts} asks for, and what an absent parameter means. */
    public static final int DEFAULT_DAYS = 3;
    public static final int DEFAULT_LIMIT = 5;

    public static final String INVALID_REQUEST = "INVALID_REQUEST";

    private RankingRules() {
    }

    /** The API validates first; these guard every other caller. */
    public static void requireValidDays(int days) {
        if (days < 1 || days > DAYS_MAX) {
            throw invalid("days must be between 1 and " + DAYS_MAX);
        }
    }

    public static void requireValidLimit(int limit) {
        if (limit < 1 || limit > LIMIT_MAX) {
            throw invalid("limit must be between 1 and " + LIMIT_MAX);
        }
    }

    static BusinessException invalid(String detail) {
        return new BusinessException(INVALID_REQUEST, Kind.INVALID, detail);
    }
}
