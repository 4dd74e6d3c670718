/** Ranking use cases: counting completed orders (a batch at a time), answering the top products of a window. */
package io.shopsaga.ranking.application;
