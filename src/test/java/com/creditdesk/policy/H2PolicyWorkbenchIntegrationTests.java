package com.creditdesk.policy;

import com.creditdesk.support.OnH2;

@OnH2
class H2PolicyWorkbenchIntegrationTests extends PolicyWorkbenchIntegrationTests {

}
