import { infraSetup } from './infra';

export default infraSetup('single');
