/** Orders and their saga state in MySQL, with explicit SQL. */
package io.shopsaga.order.persistence;
