package nl.recordsdesk.web;

import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hospital the portal serves, as its pages name it. Each hospital sets its own; the
 * defaults are those of the source document.
 *
 * @param name the hospital's name in the header, the footer and page titles
 * @param recordsDeskPhone the records desk's phone number (working days)
 * @param radiologyPhone the radiology department's number, for studies from before 2005
 * @param recordsDeskOpens when the records desk's phone is answered from, on working days
 * @param recordsDeskCloses until when it is answered
 * @param address the records desk's postal address, line by line, on every letter (and
 * where a request signed on paper is sent); the default is a placeholder to replace
 */
@ConfigurationProperties("recordsdesk.hospital")
public record Hospital(@DefaultValue("Ziekenhuis") String name,
		@DefaultValue("(010) 703 58 27") String recordsDeskPhone,
		@DefaultValue("(010) 704 20 06") String radiologyPhone, @DefaultValue("09:00") LocalTime recordsDeskOpens,
		@DefaultValue("16:00") LocalTime recordsDeskCloses, @DefaultValue( {
				"Medische informatie", "Postbus 0000", "3000 AA Rotterdam" }) List<String> address){

}
