/** Ranking use cases: counting a completed order, answering the top products of a window. */
package io.shopsaga.ranking.application;
