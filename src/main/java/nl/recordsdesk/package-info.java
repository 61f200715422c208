/**
 * recordsdesk: the portal through which patients request a copy of their medical record
 * or radiology images, and through which the records desk and physicians handle those
 * requests.
 */
@NullMarked
package nl.recordsdesk;

import org.jspecify.annotations.NullMarked;
