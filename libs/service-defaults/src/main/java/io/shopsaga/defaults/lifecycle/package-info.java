/** Lifecycle pieces shared by the services: their own background threads. */
package io.shopsaga.defaults.lifecycle;
