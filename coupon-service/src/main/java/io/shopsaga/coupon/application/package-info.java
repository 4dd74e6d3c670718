/**
 * Coupon use cases: campaigns, first-come-first-served issuance through the Redis gate made durable in MySQL,
 * the gate's rebuild and reconciliation, and the saga's use and restore steps.
 */
package io.shopsaga.coupon.application;
