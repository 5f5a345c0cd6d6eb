import { runMain } from '@faultline/service-runtime';
import { loadAccountConfig } from './config';
import { createAccountService } from './service';

// tsx services/account/src/main.ts: runs until SIGTERM or SIGINT, then stops gracefully.
await runMain(() => createAccountService(loadAccountConfig()));
