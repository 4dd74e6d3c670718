/** The rules of the rankings: sales days and windows, an order's sold quantities, the order of a ranking; no framework code. */
package io.shopsaga.ranking.domain;
