/** coupon-service's side of the order saga: use and restore commands in, replies out through the outbox. */
package io.shopsaga.coupon.messaging;
