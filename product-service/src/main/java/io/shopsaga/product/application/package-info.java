/** Catalogue and stock use cases: reads through the cache, operator changes, and the saga's reserve and release. */
package io.shopsaga.product.application;
