package com.creditdesk.investigation;

import com.creditdesk.support.OnH2;

@OnH2
class H2CreditWorkflowIntegrationTests extends CreditWorkflowIntegrationTests {

}
