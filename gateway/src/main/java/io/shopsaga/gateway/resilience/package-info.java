/** How the gateway protects clients from a slow, failing or absent service: timeouts and circuit breakers. */
package io.shopsaga.gateway.resilience;
