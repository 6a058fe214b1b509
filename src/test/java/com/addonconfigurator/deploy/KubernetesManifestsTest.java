package com.addonconfigurator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.addonconfigurator.TestRules;
import com.addonconfigurator.cli.CliRunner;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The manifests in deploy/kubernetes, parsed into the typed Kubernetes model and checked. */
class KubernetesManifestsTest {
    private static final Path DIR = Path.of("deploy", "kubernetes");
    private final ObjectMapper yaml =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private <T> T read(String file, Class<T> type) throws Exception {
        return yaml.readValue(DIR.resolve(file).toFile(), type);
    }

    private Deployment deployment() throws Exception {
        return read("deployment.yaml", Deployment.class);
    }

    private Container container() throws Exception {
        return deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private Map<String, EnvVar> env() throws Exception {
        return container().getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    }

    @Test
    void theDeploymentRunsThreeReplicasWithARollingUpdateThatKeepsCapacity() throws Exception {
        Deployment d = deployment();
        assertEquals(3, d.getSpec().getReplicas());
        assertEquals("RollingUpdate", d.getSpec().getStrategy().getType());
        assertEquals(
                0,
                d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
        assertEquals(
                d.getSpec().getSelector().getMatchLabels(),
                d.getSpec().getTemplate().getMetadata().getLabels());
        assertTrue(d.getAdditionalProperties().isEmpty()
                && d.getSpec().getAdditionalProperties().isEmpty());
    }

    @Test
    void probesHitReadyAndHealthOnTheServedPort() throws Exception {
        Container c = container();
        assertEquals(8080, c.getPorts().get(0).getContainerPort());
        assertEquals("http", c.getPorts().get(0).getName());
        assertEquals(
                String.valueOf(c.getPorts().get(0).getContainerPort()),
                env().get("PORT").getValue());
        assertEquals("/ready", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("http", c.getReadinessProbe().getHttpGet().getPort().getStrVal());
        assertEquals("/health", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals("http", c.getLivenessProbe().getHttpGet().getPort().getStrVal());
    }

    @Test
    void theRulesConfigMapIsMountedAsRulesDirAndTheScenariosAsScenariosDir() throws Exception {
        Map<String, VolumeMount> mounts =
                container().getVolumeMounts().stream().collect(Collectors.toMap(VolumeMount::getName, m -> m));
        Map<String, Volume> volumes = deployment().getSpec().getTemplate().getSpec().getVolumes().stream()
                .collect(Collectors.toMap(Volume::getName, v -> v));
        assertEquals(env().get("RULES_DIR").getValue(), mounts.get("rules").getMountPath());
        assertEquals("addon-rules", volumes.get("rules").getConfigMap().getName());
        assertEquals(
                env().get("SCENARIOS_DIR").getValue(), mounts.get("scenarios").getMountPath());
        assertEquals(
                "addon-rules-scenarios", volumes.get("scenarios").getConfigMap().getName());
        assertTrue(mounts.get("rules").getReadOnly());
    }

    @Test
    void theEnvironmentIsTheServicesConfiguration() throws Exception {
        Map<String, EnvVar> env = env();
        assertEquals("json", env.get("LOG_FORMAT").getValue());
        assertEquals(
                "addon-configurator-admin",
                env.get("ADMIN_TOKEN").getValueFrom().getSecretKeyRef().getName());
        assertTrue(env.get("ADMIN_TOKEN").getValueFrom().getSecretKeyRef().getOptional());
        Map<String, String> asConfig = env.values().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        com.addonconfigurator.app.AppConfig config = com.addonconfigurator.app.AppConfigReader.fromEnv(asConfig);
        assertEquals(8080, config.port());
        String tmp = container().getVolumeMounts().stream()
                .filter(m -> m.getName().equals("tmp"))
                .findFirst()
                .orElseThrow()
                .getMountPath();
        assertTrue(
                config.rulesCacheDir().startsWith(tmp),
                "the compiled rules are kept on the pod's writable volume (the root file system is read-only)");
        assertTrue(container().getResources().getLimits().containsKey("memory"));
        assertTrue(container().getResources().getRequests().containsKey("cpu"));
        assertTrue(deployment()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getSecurityContext()
                .getRunAsNonRoot());
    }

    @Test
    void theReplicasShareThePostgreSqlWhoseSecretTheOperatorProvides() throws Exception {
        Secret secret = read("database-secret.example.yaml", Secret.class);
        Map<String, EnvVar> env = env();
        for (var variable : Map.of("DATABASE_URL", "url", "DATABASE_USER", "user", "DATABASE_PASSWORD", "password")
                .entrySet()) {
            var ref = env.get(variable.getKey()).getValueFrom().getSecretKeyRef();
            assertEquals(secret.getMetadata().getName(), ref.getName());
            assertTrue(secret.getStringData().containsKey(ref.getKey()), ref.getKey());
            assertTrue(
                    ref.getOptional() == null || !ref.getOptional(),
                    "without it, each replica would keep its own quotes");
        }
        Map<String, String> asConfig = new java.util.HashMap<>(secret.getStringData().entrySet().stream()
                .collect(Collectors.toMap(
                        e -> "DATABASE_" + e.getKey().toUpperCase(java.util.Locale.ROOT), Map.Entry::getValue)));
        var database = com.addonconfigurator.app.AppConfigReader.database(asConfig);
        assertFalse(database.isEmbedded());
    }

    @Test
    void theServiceSelectsThePodsAndTargetsTheirPort() throws Exception {
        Service s = read("service.yaml", Service.class);
        assertEquals(
                deployment().getSpec().getTemplate().getMetadata().getLabels(),
                s.getSpec().getSelector());
        assertEquals("http", s.getSpec().getPorts().get(0).getTargetPort().getStrVal());
    }

    @Test
    void theAutoscalerScalesTheDeploymentFromThreeReplicas() throws Exception {
        HorizontalPodAutoscaler hpa = read("hpa.yaml", HorizontalPodAutoscaler.class);
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(
                deployment().getMetadata().getName(),
                hpa.getSpec().getScaleTargetRef().getName());
        assertEquals(3, hpa.getSpec().getMinReplicas());
        assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
    }

    @Test
    void theConfigMapsTheJarGeneratesHoldTheRulesFolderUnderTheNamesTheDeploymentMounts() throws Exception {
        String rendered = CliRunner.run("configmap", TestRules.FOLDER.toString());
        List<ConfigMap> maps;
        try (MappingIterator<ConfigMap> it = yaml.readerFor(ConfigMap.class).readValues(rendered)) {
            maps = it.readAll();
        }
        Map<String, Volume> volumes = deployment().getSpec().getTemplate().getSpec().getVolumes().stream()
                .collect(Collectors.toMap(Volume::getName, v -> v));
        assertEquals(
                List.of(
                        volumes.get("rules").getConfigMap().getName(),
                        volumes.get("scenarios").getConfigMap().getName()),
                maps.stream().map(m -> m.getMetadata().getName()).toList());
        try (var files = Files.list(TestRules.FOLDER)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                assertEquals(Files.readString(file), maps.get(0).getData().get(name), name);
            }
        }
        try (var files = Files.list(TestRules.FOLDER.resolve("scenarios"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                assertEquals(Files.readString(file), maps.get(1).getData().get(name), "scenarios/" + name);
            }
        }
        assertFalse(maps.get(0).getData().containsKey("scenarios"));
    }
}
