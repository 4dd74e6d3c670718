/** Catalogue rules, product changes and the per-order reservation states; no framework code. */
package io.shopsaga.product.domain;
