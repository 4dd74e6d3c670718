package io.shopsaga.coupon.api;

import io.shopsaga.coupon.application.CouponService;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The coupons a user holds ({@code /api/v1/users/{userId}/coupons}). */
@RestController
public class UserCouponController {

    private final CouponService coupons;

    public UserCouponController(CouponService coupons) {
        this.coupons = coupons;
    }

    @GetMapping("/api/v1/users/{userId}/coupons")
    public List<UserCouponResponse> coupons(@PathVariable @Positive long userId) {
        return coupons.couponsOf(userId).stream().map(UserCouponResponse::of).toList();
    }
}
