package nl.recordsdesk.ehr;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The EHR's settings ({@code recordsdesk.ehr.fhir.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EhrSettings.class)
class EhrConfiguration {

}
