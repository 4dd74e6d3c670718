/** The operator API of data-platform-consumer (its own port, not routed by the gateway): delivery log and re-sends. */
package io.shopsaga.dataplatform.api;
