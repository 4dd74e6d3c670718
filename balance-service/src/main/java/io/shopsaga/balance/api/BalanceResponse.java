package io.shopsaga.balance.api;

import io.shopsaga.balance.application.BalanceView;

/** {@code {"userId":1,"balance":15000}} */
public record BalanceResponse(long userId, long balance) {

    static BalanceResponse of(BalanceView view) {
        return new BalanceResponse(view.userId(), view.balance());
    }
}
