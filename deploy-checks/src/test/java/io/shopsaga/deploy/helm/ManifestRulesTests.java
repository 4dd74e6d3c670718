package io.shopsaga.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsaga.deploy.SystemService;
import io.shopsaga.deploy.SystemServices;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the rendered manifests, fed a deliberately broken document, reports it. */
class ManifestRulesTests {

    private static final String LOCKED_DOWN_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  automountServiceAccountToken: false
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 10001
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                    - name: demo
                      image: example/demo:1.2.3
                      ports: [{name: http, containerPort: 8081}]
                      livenessProbe: {httpGet: {path: /actuator/health/liveness, port: http}}
                      readinessProbe: {httpGet: {path: /actuator/health/readiness, port: http}}
                      resources:
                        requests: {cpu: 100m, memory: 256Mi}
                        limits: {cpu: "1", memory: 512Mi}
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities: {drop: [ALL]}
                      volumeMounts: [{name: tmp, mountPath: /tmp}]
                  volumes: [{name: tmp, emptyDir: {}}]
            """;

    @Test
    void acceptsALockedDownDeployment() {
        Rendering rendering = Rendering.parse(LOCKED_DOWN_DEPLOYMENT);

        assertThat(ApiTypes.problems(rendering)).isEmpty();
        assertThat(UnknownFields.in(rendering)).isEmpty();
        assertThat(WorkloadRules.containerProblems(rendering)).isEmpty();
    }

    @Test
    void reportsRemovedApiVersionsAndUnknownKinds() {
        Rendering rendering = Rendering.parse("""
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
                metadata: {name: old-budget}
                spec: {maxUnavailable: 1}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: widget}
                spec: {size: 3}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: database}
                """);

        assertThat(ApiTypes.problems(rendering)).containsExactly(
                "PodDisruptionBudget/old-budget: policy/v1beta1/PodDisruptionBudget is not an allowed apiVersion/kind",
                "Widget/widget: example.com/v1/Widget is not an allowed apiVersion/kind",
                "StatefulSet/database: apps/v1/StatefulSet is not an allowed apiVersion/kind");
    }

    @Test
    void reportsMisspeltFieldsWithTheirPath() {
        Rendering rendering = Rendering.parse(LOCKED_DOWN_DEPLOYMENT
                .replace("readinessProbe: {httpGet:", "readinessProbe: {initialDelaySecond: 5, httpGet:")
                .replace("  selector:\n", "  replica: 2\n  selector:\n"));

        assertThat(UnknownFields.in(rendering)).containsExactlyInAnyOrder(
                "Deployment/demo: unknown field spec.replica",
                "Deployment/demo: unknown field spec.template.spec.containers[0].readinessProbe.initialDelaySecond");
    }

    @Test
    void failsToParseAFieldOfTheWrongType() {
        assertThatThrownBy(() -> Rendering.parse(LOCKED_DOWN_DEPLOYMENT.replace("  selector:\n", "  replicas: two\n  selector:\n")))
                .hasStackTraceContaining("replicas");
    }

    @Test
    void reportsAContainerWithoutProbesLimitsOrLockDown() {
        Rendering rendering = Rendering.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: loose}
                spec:
                  selector: {matchLabels: {app: loose}}
                  template:
                    metadata: {labels: {app: loose}}
                    spec:
                      containers:
                        - name: app
                          image: example/app
                          resources:
                            limits: {memory: 512Mi}
                          securityContext:
                            runAsUser: 0
                            capabilities: {add: [NET_ADMIN]}
                """);

        assertThat(WorkloadRules.containerProblems(rendering)).containsExactly(
                "Deployment/loose app: no livenessProbe",
                "Deployment/loose app: no readinessProbe",
                "Deployment/loose app: no cpu request",
                "Deployment/loose app: no cpu limit",
                "Deployment/loose app: no memory request",
                "Deployment/loose app: runAsNonRoot is not true",
                "Deployment/loose app: runs as user 0",
                "Deployment/loose app: readOnlyRootFilesystem is not true",
                "Deployment/loose app: allowPrivilegeEscalation is not false",
                "Deployment/loose app: does not drop ALL capabilities",
                "Deployment/loose app: adds capabilities [NET_ADMIN]",
                "Deployment/loose app: seccomp profile is null, not RuntimeDefault",
                "Deployment/loose app: no emptyDir mounted at /tmp",
                "Deployment/loose app: image example/app has no explicit tag",
                "Deployment/loose: mounts a service account token");
    }

    @Test
    void reportsAServiceWhoseObjectsAreMissing() {
        Rendering dev = Renderings.dev();

        assertThat(ServiceRules.problems(Renderings.without(dev, "PodDisruptionBudget", "coupon-service"), SystemServices.ALL))
                .containsExactly("coupon-service: no PodDisruptionBudget");
        assertThat(ServiceRules.problems(Renderings.without(dev, "Deployment", "ranking-service"), SystemServices.ALL))
                .containsExactly("ranking-service: no Deployment");
        assertThat(ServiceRules.problems(Renderings.without(dev, "Service", "gateway"), SystemServices.ALL))
                .containsExactly("gateway: no Service");
        assertThat(ServiceRules.problems(Renderings.without(dev, "ConfigMap", "order-service"), SystemServices.ALL))
                .containsExactly("order-service: no ConfigMap order-service read by its container");
    }

    @Test
    void reportsAServiceOnAnotherPortOrWithProbesOnOtherPaths() {
        Rendering rendering = Rendering.parse(LOCKED_DOWN_DEPLOYMENT
                .replace("/actuator/health/readiness", "/actuator/health")
                + """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: demo}
                spec:
                  selector: {app: other}
                  ports: [{name: http, port: 8082, targetPort: http}]
                """);
        List<SystemService> demo = List.of(new SystemService("demo", 8081, null));

        assertThat(ServiceRules.problems(rendering, demo)).containsExactly(
                "demo: its readinessProbe is not GET /actuator/health/readiness on the service's actuator port",
                "demo: no ConfigMap demo read by its container",
                "demo: the Service's selector does not match the Deployment's pods",
                "demo: the Service does not forward port 8081 to the container's port",
                "demo: no PodDisruptionBudget");
    }

    @Test
    void reportsAnActuatorPortThatIsNotListenedOnProbedOrKeptPrivate() {
        Rendering rendering = Rendering.parse(LOCKED_DOWN_DEPLOYMENT + demoService("{name: http, port: 8081, targetPort: http}"));
        List<SystemService> demo = List.of(new SystemService("demo", 8081, 8091, null));

        // Its probes are on the public port, which has no actuator.
        assertThat(ServiceRules.problems(rendering, demo)).contains(
                "demo: its container does not listen on its actuator port 8091",
                "demo: its livenessProbe is not GET /actuator/health/liveness on the service's actuator port",
                "demo: its readinessProbe is not GET /actuator/health/readiness on the service's actuator port");

        Rendering exposed = Rendering.parse(LOCKED_DOWN_DEPLOYMENT
                .replace("ports: [{name: http, containerPort: 8081}]",
                        "ports: [{name: http, containerPort: 8081}, {name: management, containerPort: 8091}]")
                .replace("port: http}}", "port: management}}")
                + demoService("{name: http, port: 8081, targetPort: http}, {name: management, port: 8091, targetPort: management}"));

        assertThat(ServiceRules.problems(exposed, demo))
                .contains("demo: the Service exposes its actuator port 8091")
                .noneMatch(problem -> problem.contains("Probe") || problem.contains("listen"));
    }

    /** A Service named demo that selects the locked-down deployment's pods on these ports. */
    private static String demoService(String ports) {
        return """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: demo}
                spec:
                  selector: {app: demo}
                  ports: [%s]
                """.formatted(ports);
    }

    @Test
    void reportsAnIngressToAnotherServiceOrNone() {
        Rendering rendering = Rendering.parse("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shortcut}
                spec:
                  rules:
                    - http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend: {service: {name: balance-service, port: {number: 8081}}}
                """);

        assertThat(ServiceRules.ingressProblems(rendering, "gateway")).containsExactly("Ingress/shortcut: routes / to balance-service, not the gateway");
        assertThat(ServiceRules.ingressProblems(Renderings.without(Renderings.dev(), "Ingress", "gateway"), "gateway")).containsExactly("no Ingress for gateway");
    }

    @Test
    void reportsPasswordsInPlainConfiguration() {
        Rendering rendering = Rendering.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: leaky}
                data: {DB_PASSWORD: hunter2}
                ---
                """ + LOCKED_DOWN_DEPLOYMENT.replace("      image: example/demo:1.2.3\n",
                "      image: example/demo:1.2.3\n          env: [{name: REDIS_PASSWORD, value: hunter2}]\n"));

        assertThat(WiringRules.plainSecretProblems(rendering)).containsExactly(
                "ConfigMap/leaky: DB_PASSWORD in plain configuration",
                "Deployment/demo demo: REDIS_PASSWORD is not taken from a Secret");
    }

    @Test
    void reportsAnAddressThatIsNoServiceOfTheRelease() {
        Rendering rendering = Rendering.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: order-service}
                data:
                  PRODUCT_SERVICE_URL: http://product-service:8082
                  DB_HOST: mysql
                  DB_PORT: "3306"
                  KAFKA_BOOTSTRAP_SERVERS: kafka.example.internal:9092
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: product-service}
                spec:
                  ports: [{port: 8081}]
                """);

        assertThat(WiringRules.unresolvedAddresses(rendering)).containsExactlyInAnyOrder(
                "ConfigMap/order-service: PRODUCT_SERVICE_URL names port 8082, which Service product-service has not",
                "ConfigMap/order-service: DB_HOST names mysql, which is no Service of the release");
    }
}
