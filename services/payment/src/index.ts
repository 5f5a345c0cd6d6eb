export { createPaymentService } from './service';
export type { PaymentService } from './service';
export { loadPaymentConfig } from './config';
export type { PaymentConfig } from './config';
export { addPaymentRoutes } from './routes';
