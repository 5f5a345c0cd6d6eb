import { createChaosClient } from '@faultline/api-contract';
import { reportApi } from '../live/health';

/**
 * The control plane's chaos API (/api/chaos/...), same origin. The audit log names who acted:
 * the bank user last logged in on this browser, else the UI.
 */
export const chaos = createChaosClient({
  onAnswer: reportApi,
  headers: () => ({ 'x-faultline-actor': localStorage.getItem('faultline.name') ?? 'web-ui' }),
});
