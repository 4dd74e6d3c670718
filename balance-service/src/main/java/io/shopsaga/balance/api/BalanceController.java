package io.shopsaga.balance.api;

import io.shopsaga.balance.application.BalanceService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The balance part of the public contract ({@code /api/v1/balances}). */
@RestController
@RequestMapping("/api/v1/balances/{userId}")
public class BalanceController {

    private final BalanceService balances;

    public BalanceController(BalanceService balances) {
        this.balances = balances;
    }

    @GetMapping
    public BalanceResponse balance(@PathVariable @Positive long userId) {
        return BalanceResponse.of(balances.balanceOf(userId));
    }

    @PostMapping("/charges")
    public BalanceResponse charge(@PathVariable @Positive long userId, @Valid @RequestBody ChargeRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return BalanceResponse.of(balances.charge(userId, request.amount(), idempotencyKey));
    }

    @GetMapping("/history")
    public HistoryResponse history(@PathVariable @Positive long userId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return HistoryResponse.of(balances.history(userId, page, size));
    }
}
