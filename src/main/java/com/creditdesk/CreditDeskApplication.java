package com.creditdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * CreditDesk: the customer-credit policy of a B2B distributor as executable BPMN and DMN on Camunda 7.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CreditDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(CreditDeskApplication.class, args);
	}

}
