package io.shopsaga.balance.application;

/** A user's balance as the API shows it. */
public record BalanceView(long userId, long balance) {
}
