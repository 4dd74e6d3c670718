package io.shopsaga.coupon.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Body of an issue request: who wants the coupon. */
public record IssueRequest(@NotNull @Positive Long userId) {
}
