/** Wiring and settings of ranking-service: the clock, the Redis sets and their health, the breaker, the topics. */
package io.shopsaga.ranking.config;
