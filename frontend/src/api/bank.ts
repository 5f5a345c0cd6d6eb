import { createBankClient } from '@faultline/api-contract';
import { reportApi } from '../live/health';

/**
 * The bank through the control plane's gateway (/api/account/..., /api/payment/...), same
 * origin. Every answer also feeds the connection banner.
 */
export const bank = createBankClient({ onAnswer: reportApi });
