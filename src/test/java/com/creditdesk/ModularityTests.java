package com.creditdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the capability packages honest: every capability declares the capabilities it may use
 * ({@code package-info.java}, {@link ApplicationModule#allowedDependencies()}), and the verification fails on any
 * other arrow, on cycles and on reaching into another capability's internals. The module diagrams are written to
 * {@code target/spring-modulith-docs} (copied to {@code docs/modules/} when the structure changes).
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(CreditDeskApplication.class);

	private static final List<String> CAPABILITIES = List.of("approval", "collection", "customer", "demo", "identity",
			"investigation", "policy", "receivable", "report", "review", "scoring", "system");

	@Test
	void capabilitiesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void everyCapabilityDeclaresWhatItMayUse() throws Exception {
		for (String capability : CAPABILITIES) {
			Package declared = Class.forName("com.creditdesk." + capability + ".package-info").getPackage();
			assertThat(declared.getAnnotation(ApplicationModule.class)).as(capability + " declares its dependencies")
				.isNotNull();
		}
		// the rule the verification enforces: the ledger never reaches into collection (collection reacts to it)
		assertThat(allowed("receivable")).containsExactlyInAnyOrder("customer", "identity", "system")
			.doesNotContain("collection");
		// collection publishes what review reacts to (a broken promise), it never calls review
		assertThat(allowed("collection")).doesNotContain("review");
		// approval reads the application through its own port (CreditApplications), which investigation implements
		assertThat(allowed("approval")).doesNotContain("investigation", "review");
		assertThat(allowed("system")).isEmpty();
		assertThat(allowed("identity")).containsExactly("system");
	}

	private static List<String> allowed(String capability) throws Exception {
		return List.of(Class.forName("com.creditdesk." + capability + ".package-info")
			.getPackage()
			.getAnnotation(ApplicationModule.class)
			.allowedDependencies());
	}

	@Test
	void writesTheModuleDiagrams() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
