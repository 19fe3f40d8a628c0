package com.creditdesk.investigation;

import com.creditdesk.support.OnPostgres;

@OnPostgres
class PostgresCreditWorkflowIntegrationTests extends CreditWorkflowIntegrationTests {

}
