/** Explicit SQL for balances, history and order payments. */
package io.shopsaga.balance.persistence;
