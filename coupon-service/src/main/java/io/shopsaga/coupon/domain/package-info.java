/** Coupon terms, the discount arithmetic, issued coupons and the per-order use states; no framework code. */
package io.shopsaga.coupon.domain;
