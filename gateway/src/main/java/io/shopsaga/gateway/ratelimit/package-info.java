/**
 * The per-user rate limit in front of coupon issuance: a Redis token bucket per user, shared by the seed alias
 * and the REST endpoint, that never blocks issuance when Redis itself is unavailable.
 */
package io.shopsaga.gateway.ratelimit;
