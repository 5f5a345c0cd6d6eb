import { infraSetup } from './infra';

export default infraSetup('cluster');
