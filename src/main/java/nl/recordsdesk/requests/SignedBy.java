package nl.recordsdesk.requests;

import org.jspecify.annotations.Nullable;

/**
 * What a signer gave: their full name (typed, with the declaration confirmed) and, when
 * they could draw, the drawing as PNG bytes.
 */
public record SignedBy(String name, byte @Nullable [] drawing) {

}
