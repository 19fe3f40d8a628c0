package com.creditdesk.system;

import com.creditdesk.support.OnPostgres;

@OnPostgres
class PostgresBadInputIntegrationTests extends BadInputIntegrationTests {

}
