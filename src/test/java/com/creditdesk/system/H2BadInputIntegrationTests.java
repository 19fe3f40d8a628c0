package com.creditdesk.system;

import com.creditdesk.support.OnH2;

@OnH2
class H2BadInputIntegrationTests extends BadInputIntegrationTests {

}
