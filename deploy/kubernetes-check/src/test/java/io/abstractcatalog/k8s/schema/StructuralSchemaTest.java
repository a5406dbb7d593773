package io.abstractcatalog.k8s.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.abstractcatalog.k8s.schema.StructuralSchema.Source;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The API server's schema semantics, one at a time, on small schemas: (schema, source, object) → valid or the words. */
class StructuralSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() {
        String closed = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
        String preserving = "{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":true,\"properties\":{\"a\":{\"type\":\"string\"}}}";
        String bareObject = "{\"type\":\"object\"}";
        String intOrString = "{\"type\":\"object\",\"properties\":{\"p\":{\"anyOf\":[{\"type\":\"integer\"},{\"type\":\"string\"}],\"x-kubernetes-int-or-string\":true}}}";
        String builtInIntOrString = "{\"type\":\"object\",\"properties\":{\"p\":{\"format\":\"int-or-string\",\"oneOf\":[{\"type\":\"integer\"},{\"type\":\"string\"}]}}}";
        String int32 = "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"format\":\"int32\"}}}";
        String junctor = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}},"
                + "\"oneOf\":[{\"required\":[\"a\"],\"properties\":{\"a\":{}}},{\"required\":[\"b\"],\"properties\":{\"b\":{}}}]}";
        String embedded = "{\"type\":\"object\",\"x-kubernetes-embedded-resource\":true,\"properties\":{\"spec\":{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":true}}}";
        return Stream.of(
                Arguments.of("declared field", closed, Source.CUSTOM_RESOURCE, "{\"a\":\"x\"}", null),
                Arguments.of("unknown field", closed, Source.BUILT_IN, "{\"b\":\"x\"}", "property 'b' is not defined in the schema"),
                Arguments.of("unknown field kept by x-kubernetes-preserve-unknown-fields", preserving, Source.CUSTOM_RESOURCE, "{\"b\":1}", null),
                Arguments.of("preserved object still checks its declared fields", preserving, Source.CUSTOM_RESOURCE, "{\"a\":1}", "integer found, string expected"),
                Arguments.of("CRD object without properties keeps nothing", bareObject, Source.CUSTOM_RESOURCE, "{\"b\":1}", "property 'b' is not defined"),
                Arguments.of("built-in object without properties is opaque", bareObject, Source.BUILT_IN, "{\"b\":1}", null),
                Arguments.of("int-or-string: integer", intOrString, Source.CUSTOM_RESOURCE, "{\"p\":1}", null),
                Arguments.of("int-or-string: string", intOrString, Source.CUSTOM_RESOURCE, "{\"p\":\"25%\"}", null),
                Arguments.of("int-or-string: boolean", intOrString, Source.CUSTOM_RESOURCE, "{\"p\":true}", "boolean found, [integer, string] expected"),
                Arguments.of("built-in int-or-string: string", builtInIntOrString, Source.BUILT_IN, "{\"p\":\"http\"}", null),
                Arguments.of("int32 in range", int32, Source.BUILT_IN, "{\"n\":2147483647}", null),
                Arguments.of("int32 overflow", int32, Source.BUILT_IN, "{\"n\":2147483648}", "must have a maximum value of 2147483647"),
                Arguments.of("oneOf branches do not close the object", junctor, Source.CUSTOM_RESOURCE, "{\"a\":\"x\"}", null),
                Arguments.of("oneOf still applies", junctor, Source.CUSTOM_RESOURCE, "{\"a\":\"x\",\"b\":\"y\"}", "must be valid to one and only one schema"),
                Arguments.of("embedded resource has apiVersion, kind and metadata", embedded, Source.CUSTOM_RESOURCE,
                        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{},\"spec\":{\"x\":1}}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validatesAsTheApiServerWould(String what, String schema, Source source, String object, String words) throws Exception {
        JsonNode converted = StructuralSchema.toJsonSchema(JSON.readTree(schema), source);
        Set<ValidationMessage> messages = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(converted)
                .validate(JSON.readTree(object));
        if (words == null) {
            assertThat(messages).as(what + " with " + converted).isEmpty();
        } else {
            assertThat(messages).as(what + " with " + converted).anySatisfy(m -> assertThat(m.getMessage()).contains(words));
        }
    }
}
