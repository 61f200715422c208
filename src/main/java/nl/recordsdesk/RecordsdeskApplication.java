package nl.recordsdesk;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RecordsdeskApplication {

	/**
	 * The hospital's time zone: ages, due dates and "today" are all Dutch calendar dates.
	 */
	public static final ZoneId HOSPITAL_ZONE = ZoneId.of("Europe/Amsterdam");

	public static void main(String[] args) {
		SpringApplication.run(RecordsdeskApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.system(HOSPITAL_ZONE);
	}

}
