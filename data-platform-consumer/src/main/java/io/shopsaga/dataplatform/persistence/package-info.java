/**
 * Explicit SQL for the deliveries: record a batch of orders once each, claim due rows without blocking other
 * instances, record a round's answers.
 */
package io.shopsaga.dataplatform.persistence;
