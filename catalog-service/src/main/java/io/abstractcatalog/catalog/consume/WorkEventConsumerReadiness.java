package io.abstractcatalog.catalog.consume;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the consumer keeps up: down when it is retrying after a failure, so an operator (or Kubernetes)
 * sees a stuck catalog. The datasource and Kafka checks of Quarkus say which side is at fault.
 */
@Readiness
@ApplicationScoped
class WorkEventConsumerReadiness implements HealthCheck {

    private final WorkEventConsumer consumer;

    WorkEventConsumerReadiness(WorkEventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        WorkEventConsumer.Status status = consumer.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("works consumer")
                .status(status != WorkEventConsumer.Status.RETRYING && status != WorkEventConsumer.Status.STOPPED)
                .withData("status", status.name());
        if (consumer.lastProblem() != null) {
            response.withData("problem", consumer.lastProblem());
        }
        return response.build();
    }
}
