/** Kafka message contracts shared by the services: topic names and message records. Plain Java. */
package io.shopsaga.contracts;
