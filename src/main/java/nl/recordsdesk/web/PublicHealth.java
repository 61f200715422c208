package nl.recordsdesk.web;

import java.util.Map;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} on the public port, for the load balancer, now that the
 * actuator itself listens on the management port. The same answer as the actuator's
 * (status only, 200 when UP, 503 when DOWN); Boot's additional health paths take one path
 * segment only, and the address load balancers know is this one. Where management shares
 * the public port, the actuator's own mapping answers first.
 */
@RestController
class PublicHealth {

	private final HealthEndpoint health;

	private final HealthEndpointGroups groups;

	PublicHealth(HealthEndpoint health, HealthEndpointGroups groups) {
		this.health = health;
		this.groups = groups;
	}

	@GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> health() {
		Status status = this.health.health().getStatus();
		int code = this.groups.getPrimary().getHttpCodeStatusMapper().getStatusCode(status);
		return ResponseEntity.status(code).body(Map.of("status", status.getCode()));
	}

}
