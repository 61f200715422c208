package nl.recordsdesk.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * What the portal reads in the claims of the hospital's provider: whether the member gave
 * a second factor there, and which roles their groups give here. No database, no Spring:
 * the rules of {@link StaffSsoProperties} only.
 */
final class StaffSsoPolicy {

	private final StaffSsoProperties properties;

	StaffSsoPolicy(StaffSsoProperties properties) {
		this.properties = properties;
	}

	/**
	 * The claim that shows a second factor, as it is recorded ({@code amr=mfa},
	 * {@code acr=...}), or empty when there is none: the provider then signed the member
	 * in with one factor only (a password), which is not enough for health data.
	 */
	Optional<String> secondFactor(Map<String, Object> claims) {
		for (String method : strings(claims.get("amr"))) {
			if (containsIgnoringCase(this.properties.acceptedAmr(), method)) {
				return Optional.of("amr=" + method.toLowerCase(Locale.ROOT));
			}
		}
		for (String level : strings(claims.get(this.properties.acrClaim()))) {
			if (containsIgnoringCase(this.properties.acceptedAcr(), level)) {
				return Optional.of(this.properties.acrClaim() + "=" + level);
			}
		}
		return Optional.empty();
	}

	/** The roles the member's groups give, in the order of {@link Roles#ALL}. */
	Set<String> roles(Map<String, Object> claims) {
		List<String> groups = strings(claim(claims, this.properties.groupsClaim()));
		Set<String> roles = new TreeSet<>();
		this.properties.roles().forEach((role, mapped) -> {
			if (groups.stream().anyMatch((group) -> containsIgnoringCase(mapped, group))) {
				roles.add(role);
			}
		});
		return Set.copyOf(roles);
	}

	/** A claim by name; a dot goes into a nested claim ({@code realm_access.roles}). */
	static @Nullable Object claim(Map<String, Object> claims, String name) {
		if (claims.containsKey(name)) {
			return claims.get(name);
		}
		Object value = claims;
		for (String part : name.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = map.get(part);
		}
		return value;
	}

	/** A claim of one string or a list of them (providers send either). */
	static List<String> strings(@Nullable Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().filter((value) -> value != null).map(Object::toString).toList();
		}
		if (claim instanceof String value && !value.isBlank()) {
			return List.of(value);
		}
		return List.of();
	}

	private static boolean containsIgnoringCase(Collection<String> values, String value) {
		return values.stream().anyMatch(value::equalsIgnoreCase);
	}

}
