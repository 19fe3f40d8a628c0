package com.creditdesk.collection;

import com.creditdesk.support.OnH2;

@OnH2
class H2CollectionIntegrationTests extends CollectionIntegrationTests {
}
