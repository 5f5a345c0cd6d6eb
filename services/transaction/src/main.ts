import { runMain } from '@faultline/service-runtime';
import { loadTransactionConfig } from './config';
import { createTransactionService } from './service';

// tsx services/transaction/src/main.ts: configuration from the environment (a bad variable
// stops the process naming it); on SIGTERM or SIGINT: stop fetching, finish the in-flight
// leg, commit its offset, leave the group, exit 0.
await runMain(() => createTransactionService(loadTransactionConfig()));
