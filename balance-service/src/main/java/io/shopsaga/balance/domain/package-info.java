/** Balance rules and the per-order payment states; no framework code. */
package io.shopsaga.balance.domain;
