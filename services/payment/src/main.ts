import { runMain } from '@faultline/service-runtime';
import { loadPaymentConfig } from './config';
import { createPaymentService } from './service';

// tsx services/payment/src/main.ts: runs until SIGTERM or SIGINT, then stops gracefully.
await runMain(() => createPaymentService(loadPaymentConfig()));
