/**
 * Cross-cutting HTTP concerns of the gateway: request ids, the path and body-size guards, and the one place
 * that turns every gateway-originated failure into a problem detail with a {@code code}.
 */
package io.shopsaga.gateway.web;
