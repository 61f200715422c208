/**
 * The hospital's picture archive (PACS) as a source of an imaging copy, over DICOMweb:
 * the patient's studies listed (QIDO-RS) and the chosen ones fetched (WADO-RS), streamed
 * into a ZIP a DICOM viewer opens ({@link PacsArchive}). Every retrieval is audited (NEN
 * 7513). Without {@code recordsdesk.pacs.dicomweb.base-url} nothing of it is used: the
 * images go on a DVD at radiology, as before.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "PACS (DICOMweb)", allowedDependencies = { "audit" })
package nl.recordsdesk.pacs;

import org.jspecify.annotations.NullMarked;
