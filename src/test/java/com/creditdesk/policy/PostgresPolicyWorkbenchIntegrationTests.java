package com.creditdesk.policy;

import com.creditdesk.support.OnPostgres;

@OnPostgres
class PostgresPolicyWorkbenchIntegrationTests extends PolicyWorkbenchIntegrationTests {

}
