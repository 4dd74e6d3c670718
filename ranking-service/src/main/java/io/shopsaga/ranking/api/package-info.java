/** The rankings part of the public contract: {@code GET /api/v1/rankings/top-products}. */
package io.shopsaga.ranking.api;
