package io.abstractcatalog.k8s.invariants;

import io.abstractcatalog.contract.KafkaConnection;
import io.abstractcatalog.k8s.Design;
import io.abstractcatalog.k8s.ServiceConfig;
import io.abstractcatalog.k8s.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Each service has its Deployment and container, every ConfigMap and Secret reference of its environment resolves,
 * every variable sets a key the service reads (else it is silently ignored — a typo, or a renamed key), every key
 * whose default only works on a developer's machine is set, and credentials come from Secrets.
 */
final class ServiceEnvironmentRule implements Rule {

    private static final Pattern MACHINE_LOCAL = Pattern.compile("localhost|127\\.0\\.0\\.1|\\$\\{java\\.io\\.tmpdir}|^\\.{1,2}/");
    /** Kafka connection settings that hold a secret: the JAAS login line (user and password), key store passwords. */
    private static final Pattern KAFKA_SECRET_KEY = Pattern.compile("^sasl\\.jaas\\.config$|password$|^ssl\\.keystore\\.key$");
    private static final Pattern CREDENTIAL_KEY = Pattern.compile("(^|[.-])(password|username|secret|token|access-key)$");

    @Override
    public List<Violation> check(RenderedCatalog catalog) {
        List<Violation> out = new ArrayList<>(catalog.environments().problems());
        for (ServiceContext service : catalog.services().values()) {
            environment(service, out);
        }
        return out;
    }

    private static void environment(ServiceContext service, List<Violation> out) {
        ServiceConfig config = service.config();
        String owner = "Deployment/" + service.name();
        Set<String> known = new HashSet<>();
        config.keys().forEach(key -> known.add(ServiceConfig.envName(key)));
        known.addAll(Design.OPTIONAL_ENV.getOrDefault(service.name(), Set.of()));
        for (String variable : service.env().keySet()) {
            Optional<String> kafkaKey = kafkaConnectionKey(variable);
            if (kafkaKey.isPresent() && KAFKA_SECRET_KEY.matcher(kafkaKey.get()).find()
                    && !service.fromSecret(variable)) {
                out.add(new Violation("env", owner + " sets the Kafka credential " + variable + " from "
                        + service.origins().getOrDefault(variable, "a literal") + ": it must come from a Secret"));
            } else if (!known.contains(variable) && kafkaKey.isEmpty()) {
                out.add(new Violation("env", owner + " sets " + variable + ", which matches no key of " + service.name()
                        + "'s application.properties: the service ignores it"));
            }
        }
        for (String key : config.keys()) {
            Optional<String> raw = config.raw(key);
            if (raw.isEmpty()) {
                continue;
            }
            String resolved = config.resolve(key, service.env()).orElse("");
            if (MACHINE_LOCAL.matcher(raw.get()).find() && MACHINE_LOCAL.matcher(resolved).find()) {
                out.add(new Violation("env", service.name() + " reads " + key + " (default " + raw.get() + ", only right on a developer's "
                        + "machine) but " + owner + " does not provide " + ServiceConfig.envName(key)));
            }
            if (CREDENTIAL_KEY.matcher(key).find() && !service.fromSecret(ServiceConfig.envName(key))) {
                out.add(new Violation("env", service.name() + " reads the credential " + key + ": " + owner + " must set "
                        + ServiceConfig.envName(key) + " from a Secret, not "
                        + service.origins().getOrDefault(ServiceConfig.envName(key), "the file's default")));
            }
        }
    }

    /**
     * The Kafka client key a variable sets when it is one of the connection settings every Kafka client of every
     * service takes (KafkaConnection: KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*), read as Quarkus reads them.
     */
    static Optional<String> kafkaConnectionKey(String variable) {
        if (!variable.startsWith("KAFKA_")) {
            return Optional.empty();
        }
        String key = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
        return KafkaConnection.isConnectionSetting(key) ? Optional.of(key) : Optional.empty();
    }
}
