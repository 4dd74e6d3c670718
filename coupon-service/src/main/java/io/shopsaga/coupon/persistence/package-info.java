/** Explicit SQL for campaigns, issued coupons and coupon uses, and the Redis issuance gate with its Lua scripts. */
package io.shopsaga.coupon.persistence;
