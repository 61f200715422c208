/**
 * Writing CSV for staff downloads: Apache Commons CSV, UTF-8 with a byte order mark, and
 * every cell a spreadsheet would run as a formula written as text. Depends on nothing, so
 * every module that exports can use it.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "CSV downloads", allowedDependencies = {})
package nl.recordsdesk.csv;

import org.jspecify.annotations.NullMarked;
