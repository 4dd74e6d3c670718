package io.shopsaga.deploy;

import java.util.Optional;

/**
 * One of ShopSaga's services as the deployment files must run it.
 *
 * @param module the Maven module's directory, also its container, Service and image name
 * @param port         its HTTP port ({@code server.port})
 * @param actuatorPort where it serves {@code /actuator/health} and its metrics: its HTTP port, or one of its own
 *                     ({@code management.server.port}) when the HTTP port is public
 * @param schema       its MySQL schema and database user, or {@code null} when it has no database
 */
public record SystemService(String module, int port, int actuatorPort, String schema) {

    /** A service whose actuator is on its HTTP port. */
    public SystemService(String module, int port, String schema) {
        this(module, port, port, schema);
    }

    /** Whether its actuator listens on a port of its own. */
    public boolean hasActuatorPort() {
        return actuatorPort != port;
    }

    /** The schema (and database user) of a service that has one. */
    public Optional<String> database() {
        return Optional.ofNullable(schema);
    }

    /** The environment variable through which the other services find it ({@code BALANCE_SERVICE_URL}, ...). */
    public String urlVariable() {
        return module.toUpperCase().replace('-', '_') + "_URL";
    }
}
