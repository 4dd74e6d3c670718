/** Gatling scenarios through the gateway; each checks the exact resulting state after the load. */
package io.shopsaga.bench;
