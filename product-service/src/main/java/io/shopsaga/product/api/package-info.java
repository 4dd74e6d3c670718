/** HTTP API of product-service: the public catalogue, and the batch read other services use. */
package io.shopsaga.product.api;
