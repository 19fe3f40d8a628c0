package com.creditdesk.receivable;

import com.creditdesk.support.OnH2;

@OnH2
class H2ReceivablesIntegrationTests extends ReceivablesIntegrationTests {

}
