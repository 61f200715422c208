package nl.recordsdesk.requests;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Reads and writes {@link Actor} as the history's {@code actor} column always held it.
 */
@Converter
class ActorConverter implements AttributeConverter<Actor, String> {

	@Override
	public String convertToDatabaseColumn(Actor actor) {
		return actor.stored();
	}

	@Override
	public Actor convertToEntityAttribute(String stored) {
		return Actor.fromStored(stored);
	}

}
