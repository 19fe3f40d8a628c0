package com.creditdesk.receivable;

import com.creditdesk.support.OnPostgres;

@OnPostgres
class PostgresReceivablesIntegrationTests extends ReceivablesIntegrationTests {

}
