/** The order part of the public contract: {@code /api/v1/orders} and {@code /api/v1/users/{id}/orders}. */
package io.shopsaga.order.api;
