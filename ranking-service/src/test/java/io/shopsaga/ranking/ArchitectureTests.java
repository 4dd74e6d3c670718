package io.shopsaga.ranking;

import io.shopsaga.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    @Test
    void domainDependsOnNoFrameworkOrOuterLayer() {
        ArchitectureRules.assertDomainIsIndependent("io.shopsaga.ranking");
    }
}
