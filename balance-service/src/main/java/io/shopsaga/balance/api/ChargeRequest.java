package io.shopsaga.balance.api;

import io.shopsaga.balance.domain.BalanceRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of a charge: a whole number of KRW within the contract's bounds. */
public record ChargeRequest(
        @NotNull @Min(BalanceRules.MIN_CHARGE) @Max(BalanceRules.MAX_CHARGE) Long amount) {
}
