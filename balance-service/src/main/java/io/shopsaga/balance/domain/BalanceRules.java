package io.shopsaga.balance.domain;

import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.defaults.error.BusinessException.Kind;

/** The limits of the contract: how much one charge may add and how high a balance may go. */
public final class BalanceRules {

    public static final long MIN_CHARGE = 1;
    public static final long MAX_CHARGE = 10_000_000;
    public static final long MAX_BALANCE = 1_000_000_000;

    public static final String BALANCE_LIMIT_EXCEEDED = "BALANCE_LIMIT_EXCEEDED";
    public static final String INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE";

    private BalanceRules() {
    }

    /** A charge amount outside the contract's bounds (the API validates first; this guards other callers). */
    public static void requireValidCharge(long amount) {
        if (amount < MIN_CHARGE || amount > MAX_CHARGE) {
            throw new BusinessException("INVALID_REQUEST", Kind.INVALID,
                    "amount must be between " + MIN_CHARGE + " and " + MAX_CHARGE);
        }
    }

    public static BusinessException limitExceeded(long userId, long amount) {
        return new BusinessException(BALANCE_LIMIT_EXCEEDED, Kind.CONFLICT,
                "charging " + amount + " would take the balance of user " + userId + " over " + MAX_BALANCE);
    }
}
