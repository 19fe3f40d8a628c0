package com.creditdesk.report;

import com.creditdesk.support.OnH2;

@OnH2
class H2RepExposureIntegrationTests extends RepExposureIntegrationTests {

}
