package io.shopsaga.defaults.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the shared service defaults.
 *
 * @param maxRequestBody the largest request body accepted (the contract says 64 KiB)
 */
@ConfigurationProperties("shopsaga.web")
public record ServiceDefaultsProperties(@DefaultValue("64KB") DataSize maxRequestBody) {
}
