/** Checks of the Dockerfiles under {@code docker/}: pinned bases, a non-root final stage, and the health check script. */
package io.shopsaga.deploy.docker;
