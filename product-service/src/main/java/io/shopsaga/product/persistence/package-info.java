/** Explicit SQL for products and reservations, and the Redis read cache of the catalogue. */
package io.shopsaga.product.persistence;
