package io.shopsaga.deploy.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The Compose specification's JSON schema (test resource {@code compose-spec/compose-spec.json}, see its README). */
public final class ComposeSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private ComposeSchema() {
    }

    /** Where a Compose document breaks the specification, one message per violation; empty when it conforms. */
    public static List<String> violations(Map<String, Object> document) {
        JsonNode node = JSON.valueToTree(document);
        return SCHEMA.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load() {
        try (InputStream in = ComposeSchema.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            if (in == null) {
                throw new IllegalStateException("compose-spec/compose-spec.json is missing from the test resources");
            }
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            // The file names its meta-schema "https://json-schema.org/draft-07/schema", which the validator does
            // not know under that spelling; the dialect is given explicitly instead.
            schema.remove("$schema");
            // Its relative "$id" (compose_spec.json) resolves against where it was loaded from.
            // The schema marks some keys "deprecated", an annotation that draft-07 does not define.
            JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                    .keyword(new NonValidationKeyword("deprecated")).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, factory -> factory.metaSchema(dialect))
                    .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"), schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
