/** Logging helpers shared by the services. */
package io.shopsaga.defaults.logging;
