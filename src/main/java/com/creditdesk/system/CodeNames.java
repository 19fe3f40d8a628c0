package com.creditdesk.system;

import java.util.Map;

/**
 * Names for codes that a capability defines in its own configuration (for example the approval tiers' groups), so
 * that {@link Labels} shows them like its own: a bean implementing this is asked once, when the labels are built.
 */
public interface CodeNames {

	/** Code → name (Simplified Chinese with the English term). */
	Map<String, String> codeNames();

}
