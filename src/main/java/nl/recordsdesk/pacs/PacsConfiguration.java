package nl.recordsdesk.pacs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The PACS's settings ({@code recordsdesk.pacs.dicomweb.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PacsSettings.class)
class PacsConfiguration {

}
