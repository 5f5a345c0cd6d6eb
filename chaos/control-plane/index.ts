export { createControlPlane } from './control-plane';
export { loadChaosConfig, type ChaosConfig } from './config';
export { addChaosApi } from './api';
