/** Use cases of order-service: placing an order, driving its saga on replies and deadlines, reading orders. */
package io.shopsaga.order.application;
