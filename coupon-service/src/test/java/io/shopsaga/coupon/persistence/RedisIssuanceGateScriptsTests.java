package io.shopsaga.coupon.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.StaticScriptSource;
import org.springframework.test.util.ReflectionTestUtils;

/** The gate's scripts are their resources' text held in memory, not re-checked on the file system per call. */
class RedisIssuanceGateScriptsTests {

    @ParameterizedTest
    @CsvSource({ "ISSUE, issue", "RELEASE, release", "STATE, state", "COMMIT_REBUILD, commit-rebuild",
            "UNLOCK, unlock" })
    void eachScriptIsItsResourcesText(String field, String resource) throws Exception {
        RedisScript<?> script = (RedisScript<?>) ReflectionTestUtils.getField(RedisIssuanceGate.class, field);

        assertThat(script.getScriptAsString())
                .isEqualTo(new ClassPathResource("redis/" + resource + ".lua").getContentAsString(UTF_8));
        assertThat(ReflectionTestUtils.getField(script, "scriptSource")).isInstanceOf(StaticScriptSource.class);
    }
}
