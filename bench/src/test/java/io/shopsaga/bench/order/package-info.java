/** Order saga load scenarios through the gateway, with the conservation rules checked in the services' own databases. */
package io.shopsaga.bench.order;
