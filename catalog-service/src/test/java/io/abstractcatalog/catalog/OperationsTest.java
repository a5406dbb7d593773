package io.abstractcatalog.catalog;

import static io.abstractcatalog.catalog.testing.WorkFixture.newId;
import static io.abstractcatalog.catalog.testing.WorkFixture.work;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.abstractcatalog.embedded.KafkaTestResource;
import io.abstractcatalog.embedded.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import io.abstractcatalog.catalog.testing.WorksTopic;

/** What operators and API clients rely on besides the data: the API description, health and metrics. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class OperationsTest {

    @Inject
    WorksTopic topic;

    @Test
    void openApiDescribesEveryEndpointAndItsParameters() {
        given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.keySet()", hasItems("/works", "/works/{id}", "/works/{id}/sources", "/works/{id}/matches", "/stats"))
                .body("paths.'/works'.get.description", notNullValue())
                .body("paths.'/works'.get.parameters.name", hasItems("q", "affiliation", "limit", "cursor"))
                .body("paths.'/works'.get.parameters.find { it.name == 'limit' }.schema.maximum", equalTo(100))
                .body("paths.'/works/{id}'.get.responses.keySet()", hasItems("200", "301", "404"))
                .body("components.schemas.Problem.properties.detail.description", notNullValue());
    }

    @Test
    void readinessChecksTheDatabaseKafkaAndTheConsumer() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("works consumer", "Database connections health check",
                        "Kafka connection health check")));
    }

    @Test
    void appliedAndStaleEventsAreCounted() {
        double appliedBefore = counter("applied");
        double staleBefore = counter("stale");
        String id = newId();
        int partition = topic.publish(work(id).version(3).upserted());
        topic.publishTo(partition, work(id).version(3).upserted());
        String barrier = newId();
        topic.publishTo(partition, work(barrier).upserted());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(counter("applied") - appliedBefore).isGreaterThanOrEqualTo(2);
            assertThat(counter("stale") - staleBefore).isGreaterThanOrEqualTo(1);
        });
    }

    private static double counter(String outcome) {
        String metrics = when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^catalog_work_events_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
