package dev.lfvmetrics.functions.store;

import dev.lfvmetrics.functions.testing.MotoExtension;
import dev.lfvmetrics.functions.testing.TestAccount;
import dev.lfvmetrics.functions.testing.ModelStoreContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ModelStore contract on the DynamoDB store, against moto. */
@ExtendWith(MotoExtension.class)
class DynamoDbModelStoreContractIT extends ModelStoreContract {

    @Override
    protected ModelStore store() {
        TestAccount account = new TestAccount();
        account.createTable();
        return new DynamoDbModelStore(account.dynamo(), TestAccount.TABLE);
    }
}
