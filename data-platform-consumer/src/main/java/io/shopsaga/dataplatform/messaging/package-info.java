/**
 * data-platform-consumer's integrations: {@code OrderCompleted} in from Kafka (recorded a batch at a time, then
 * acknowledged), the sender (woken by new orders, polling otherwise), and the data platform's HTTP client.
 */
package io.shopsaga.dataplatform.messaging;
