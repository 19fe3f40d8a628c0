package com.creditdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;

import com.creditdesk.system.SharedProcessStep;

/**
 * A BPMN file names Spring beans ({@code ${openReviewDelegate}}), which the module rules of {@link ModularityTests}
 * cannot see. This test holds the processes to the same rules: a process (owned by the capability whose backing
 * class declares its key) uses its own capability's beans, and of another capability only the beans published as
 * {@link SharedProcessStep}, and only of a capability it may depend on.
 */
class ProcessStepBoundaryTests {

	private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");

	private static final Pattern BEAN = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)[.}]");

	private static final Pattern NAMED_COMPONENT = Pattern.compile("@Component\\(\"([^\"]+)\"\\)");

	private static final Pattern KEY = Pattern.compile("static final String KEY = \"([^\"]+)\"");

	/** A {@code @Bean} method: the bean is named after the method (e.g. CollectionDelegates' delegates). */
	private static final Pattern BEAN_METHOD = Pattern
		.compile("@Bean\\b(?:\\([^)]*\\))?\\s+(?:@\\w+(?:\\([^)]*\\))?\\s+)*[\\w<>?, .]+?\\s+(\\w+)\\s*\\(");

	private record Bean(String name, String capability, Class<?> type) {
	}

	@Test
	void processesUseOnlyTheirOwnBeansAndSharedStepsOfAllowedCapabilities() throws Exception {
		Map<String, Bean> beans = beans();
		Map<String, String> owners = processOwners();
		List<String> violations = new ArrayList<>();
		int crossing = 0;
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList()) {
				String xml = Files.readString(file);
				Matcher id = PROCESS_ID.matcher(xml);
				assertThat(id.find()).as(file + " has a process").isTrue();
				String owner = owners.get(id.group(1));
				assertThat(owner).as("the capability owning " + id.group(1)).isNotNull();
				List<String> found = violations(owner, used(xml, beans));
				violations.addAll(found.stream().map(v -> file.getFileName() + ": " + v).toList());
				crossing += used(xml, beans).stream().filter(bean -> !bean.capability().equals(owner)).count();
			}
		}
		assertThat(violations).isEmpty();
		// the re-evaluation re-investigates (investigation's steps), every case calls the approval, and so on
		assertThat(crossing).isGreaterThan(0);
	}

	@Test
	void theRuleCatchesACollectionProcessUsingAnInvestigationDelegate() throws Exception {
		Map<String, Bean> beans = beans();
		String xml = "<bpmn:serviceTask camunda:delegateExpression=\"${recordCreditGradeDelegate}\" />"
				+ "<bpmn:serviceTask camunda:delegateExpression=\"${registerCustomerDelegate}\" />";
		// investigation is not among collection's allowed dependencies
		assertThat(violations("collection", used(xml, beans))).hasSize(2);
		// review may use investigation, but only its shared steps: registering a customer is not one
		assertThat(violations("review", used(xml, beans))).containsExactly(
				"registerCustomerDelegate (investigation) is not a @SharedProcessStep of investigation");
		// beans that configuration classes make with @Bean count too (collection's delegates)
		assertThat(beans).containsKeys("assessOverdueDelegate", "recordStageTaskDelegate").doesNotContainKey("openReminderTask");
		assertThat(violations("review", used("${assessOverdueDelegate}", beans))).hasSize(1);
	}

	private static List<String> violations(String owner, Set<Bean> used) throws Exception {
		Set<String> allowed = Set.of(allowedDependencies(owner));
		List<String> violations = new ArrayList<>();
		for (Bean bean : used) {
			if (bean.capability().equals(owner)) {
				continue;
			}
			if (!allowed.contains(bean.capability())) {
				violations.add(bean.name() + " (" + bean.capability() + ") belongs to a capability " + owner
						+ " may not use");
			}
			else if (!bean.type().isAnnotationPresent(SharedProcessStep.class)) {
				violations.add(bean.name() + " (" + bean.capability() + ") is not a @SharedProcessStep of "
						+ bean.capability());
			}
		}
		return violations;
	}

	private static Set<Bean> used(String xml, Map<String, Bean> beans) {
		Set<Bean> used = new java.util.LinkedHashSet<>();
		Matcher matcher = BEAN.matcher(xml);
		while (matcher.find()) {
			Bean bean = beans.get(matcher.group(1));
			if (bean != null) { // otherwise a process variable, e.g. ${approvalChainEnded}
				used.add(bean);
			}
		}
		return used;
	}

	/** Bean name → its class and capability: the decapitalised class name, or the name given to @Component. */
	private static Map<String, Bean> beans() throws IOException, ClassNotFoundException {
		Map<String, Bean> beans = new HashMap<>();
		Path root = Path.of("src/main/java/com/creditdesk");
		try (Stream<Path> sources = Files.walk(root)) {
			for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
				String text = Files.readString(source);
				if (!text.contains("@Bean") && !text.contains("@Component") && !text.contains("@Service")) {
					continue;
				}
				String capability = root.relativize(source).getName(0).toString();
				String simple = source.getFileName().toString().replace(".java", "");
				Class<?> type = Class.forName("com.creditdesk." + capability + "." + simple);
				Matcher method = BEAN_METHOD.matcher(text);
				while (method.find()) {
					// a bean a configuration class makes: shared only if that class is published as shared steps
					beans.put(method.group(1), new Bean(method.group(1), capability, type));
				}
				if (!text.contains("@Component") && !text.contains("@Service")) {
					continue;
				}
				Matcher named = NAMED_COMPONENT.matcher(text);
				String name = named.find() ? named.group(1)
						: Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
				beans.put(name, new Bean(name, capability, type));
			}
		}
		return beans;
	}

	/** Process key → the capability of the backing class that declares it. */
	private static Map<String, String> processOwners() throws IOException {
		Map<String, String> owners = new HashMap<>();
		Path root = Path.of("src/main/java/com/creditdesk");
		try (Stream<Path> sources = Files.walk(root)) {
			for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
				Matcher key = KEY.matcher(Files.readString(source));
				while (key.find()) {
					owners.putIfAbsent(key.group(1), root.relativize(source).getName(0).toString());
				}
			}
		}
		// processes without a backing class of their own: the daily jobs and the follow-up delivery
		owners.putIfAbsent("daily-credit-reviews", "review");
		owners.putIfAbsent("daily-overdue-detection", "collection");
		owners.putIfAbsent("follow-up", "system");
		return owners;
	}

	private static String[] allowedDependencies(String capability) throws ClassNotFoundException {
		ApplicationModule module = Class.forName("com.creditdesk." + capability + ".package-info")
			.getAnnotation(ApplicationModule.class);
		return module == null ? new String[0] : Arrays.stream(module.allowedDependencies()).toArray(String[]::new);
	}

}
