/** Deliveries to the data platform: their states, how an answer is judged and when to try again; no framework code. */
package io.shopsaga.dataplatform.domain;
