/** Kafka side of the saga: the listener for the participants' replies and the deadline scan. */
package io.shopsaga.order.messaging;
