/** Delivery use cases: record a received order, send the due ones, answer and retry for operators. */
package io.shopsaga.dataplatform.application;
