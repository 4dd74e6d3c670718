/** HTTP API of coupon-service: thin controllers and validated request/response records. */
package io.shopsaga.coupon.api;
