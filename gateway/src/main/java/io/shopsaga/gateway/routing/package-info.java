/** The routing table: which public path goes to which service, through which filters. */
package io.shopsaga.gateway.routing;
