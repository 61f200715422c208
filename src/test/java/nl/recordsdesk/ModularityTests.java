package nl.recordsdesk;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds: no cycles, no reaching into another module's internals,
 * only the declared dependencies. Also writes the module diagrams the README links to.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(RecordsdeskApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writeDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
