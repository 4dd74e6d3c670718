/** Balance use cases: charge, read, history, and the saga's deduct and refund, each one transaction. */
package io.shopsaga.balance.application;
