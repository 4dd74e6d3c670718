package io.shopsaga.defaults.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code shopsaga-defaults.properties} as the lowest-precedence property source, so every
 * service gets the shared defaults (virtual threads, health groups, metrics, log pattern) and can
 * still override any of them in its own {@code application.yml}.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String NAME = "shopsagaDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource(NAME, new ClassPathResource("shopsaga-defaults.properties")));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
