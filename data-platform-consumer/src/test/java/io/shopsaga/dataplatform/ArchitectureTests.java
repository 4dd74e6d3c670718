package io.shopsaga.dataplatform;

import io.shopsaga.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

    @Test
    void domainDependsOnNoFrameworkOrOuterLayer() {
        ArchitectureRules.assertDomainIsIndependent("io.shopsaga.dataplatform");
    }
}
