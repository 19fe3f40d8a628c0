package com.creditdesk.report;

import com.creditdesk.support.OnPostgres;

@OnPostgres
class PostgresRepExposureIntegrationTests extends RepExposureIntegrationTests {

}
