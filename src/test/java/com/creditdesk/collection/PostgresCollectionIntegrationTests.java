package com.creditdesk.collection;

import com.creditdesk.support.OnPostgres;

@OnPostgres
class PostgresCollectionIntegrationTests extends CollectionIntegrationTests {
}
