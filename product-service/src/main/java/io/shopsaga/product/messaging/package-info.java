/** product-service's side of the order saga: reserve and release commands in, replies out through the outbox. */
package io.shopsaga.product.messaging;
