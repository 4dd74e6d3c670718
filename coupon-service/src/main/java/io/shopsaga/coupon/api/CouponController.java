package io.shopsaga.coupon.api;

import io.shopsaga.coupon.application.CouponService;
import io.shopsaga.coupon.application.CouponView;
import io.shopsaga.coupon.application.IssuanceService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The coupon part of the public contract ({@code /api/v1/coupons}): campaigns and first-come issuance. */
@RestController
@RequestMapping("/api/v1/coupons")
public class CouponController {

    private final CouponService coupons;
    private final IssuanceService issuance;

    public CouponController(CouponService coupons, IssuanceService issuance) {
        this.coupons = coupons;
        this.issuance = issuance;
    }

    /** Operator endpoint: opens a campaign. */
    @PostMapping
    public ResponseEntity<CouponResponse> create(@Valid @RequestBody CreateCouponRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CouponView created = coupons.create(request.toNewCoupon(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/coupons/" + created.id())).body(CouponResponse.of(created));
    }

    @GetMapping("/{couponId}")
    public CouponResponse coupon(@PathVariable @Positive long couponId) {
        return CouponResponse.of(coupons.get(couponId));
    }

    @PostMapping("/{couponId}/issue")
    public ResponseEntity<IssuedCouponResponse> issue(@PathVariable @Positive long couponId,
            @Valid @RequestBody IssueRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(IssuedCouponResponse.of(issuance.issue(couponId, request.userId(), idempotencyKey)));
    }
}
