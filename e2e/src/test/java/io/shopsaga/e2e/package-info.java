/** End-to-end tests through the gateway, with the services running as real processes. */
package io.shopsaga.e2e;
