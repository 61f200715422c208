package nl.recordsdesk.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import nl.recordsdesk.TestDatabase;
import nl.recordsdesk.TestMail;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' metrics are on the management port and nowhere else; the public port
 * answers health for the load balancer and nothing more of the actuator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestDatabase.class, TestMail.class })
class ManagementPortTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int publicPort;

	@LocalManagementPort
	int managementPort;

	@Test
	void theScraperGetsRequestLatencyPoolUsageAndTheOutboxOnTheManagementPort() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.publicPort);
		assertThat(get(this.publicPort, "/").statusCode()).isEqualTo(200);

		HttpResponse<String> metrics = get(this.managementPort, "/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_count{", "hikaricp_connections_active{",
				"hikaricp_connections_pending{", "recordsdesk_mail_outbox_pending ", "recordsdesk_mail_outbox_failed ",
				"recordsdesk_uploads_pending_scan ");
	}

	@Test
	void thePublicPortHasNoMetrics() throws Exception {
		HttpResponse<String> metrics = get(this.publicPort, "/actuator/prometheus");
		assertThat(metrics.statusCode()).isIn(403, 404);
		assertThat(metrics.body()).doesNotContain("hikaricp", "jvm_");
		assertThat(get(this.publicPort, "/actuator/env").statusCode()).isIn(403, 404);
		assertThat(get(this.publicPort, "/actuator/info").statusCode()).isIn(403, 404);
	}

	@Test
	void healthIsOnBothPortsWithoutDetails() throws Exception {
		for (int port : new int[] { this.publicPort, this.managementPort }) {
			HttpResponse<String> health = get(port, "/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");
		}
	}

	/**
	 * The operators see the checks with their details on the management port: whether
	 * uploads are virus-scanned among them. The public port shows none of it.
	 */
	@Test
	void theOperatorsSeeOnTheManagementPortThatUploadsAreNotVirusScanned() throws Exception {
		HttpResponse<String> health = get(this.managementPort, "/actuator/health/operations");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat((String) com.jayway.jsonpath.JsonPath.read(health.body(), "$.components.uploads.details.virusScan"))
			.isEqualTo("not configured");
		assertThat(get(this.publicPort, "/actuator/health/operations").statusCode()).isIn(403, 404);
		assertThat(get(this.publicPort, "/actuator/health").body()).doesNotContain("virusScan");
	}

	@Test
	void theDatabaseCheckIsTheBoundedOne(@Autowired ApplicationContext context) {
		assertThat(context.getBean("dbHealthIndicator")).isInstanceOf(DatabaseHealth.class);
	}

	@Test
	void theManagementPortOpensNoOtherEndpoint() throws Exception {
		assertThat(get(this.managementPort, "/actuator/env").statusCode()).isIn(403, 404);
		assertThat(get(this.managementPort, "/actuator/beans").statusCode()).isIn(403, 404);
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
