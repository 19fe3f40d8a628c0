package com.creditdesk.system;

import java.util.Set;

/**
 * The values a policy decision's output may take, when they name something the application defines in its own
 * table (an approval tier's group, a collection stage): the policy workbench refuses a rule whose output is not
 * one of them, so a policy change cannot route to a group or a stage nobody set up.
 */
public interface DecisionVocabulary {

	/** The decision's id, e.g. {@code approval-authority}. */
	String decisionId();

	/** The output's name, e.g. {@code approverGroup}. */
	String output();

	Set<String> allowed();

	/** Where the values are set up (named in the refusal), e.g. {@code creditdesk.authority.tiers}. */
	String source();

}
