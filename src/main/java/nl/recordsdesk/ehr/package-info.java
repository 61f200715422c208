/**
 * The hospital's electronic health record (EHR) as a source of the copy: finds the
 * patient and lists and fetches the record's documents over FHIR R4 ({@link EhrRecords}),
 * and merges the chosen documents with a cover letter into one PDF
 * ({@link RecordCopyComposer}). Every retrieval is audited (NEN 7513). Without
 * {@code recordsdesk.ehr.fhir.base-url} nothing of it is used: the desk uploads the copy
 * by hand. The picture archive (PACS, over DICOMweb) is a source of its own beside this
 * one: module {@code pacs}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "EHR (FHIR)", allowedDependencies = { "audit" })
package nl.recordsdesk.ehr;

import org.jspecify.annotations.NullMarked;
