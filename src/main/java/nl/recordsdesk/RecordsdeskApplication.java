package nl.recordsdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RecordsdeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(RecordsdeskApplication.class, args);
	}

}
