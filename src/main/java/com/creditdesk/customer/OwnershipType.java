package com.creditdesk.customer;

/** Ownership type (企业性质) as the policy's investigation form lists it. */
public enum OwnershipType {

	STATE_OWNED, PRIVATE, FOREIGN_INVESTED, JOINT_VENTURE, INDIVIDUAL_BUSINESS, OTHER

}
