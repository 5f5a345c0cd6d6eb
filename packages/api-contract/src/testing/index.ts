// Helpers for tests in other workspaces: arbitraries derived from the contract's schemas and
// the route table of an Express app, to compare with the contract's.
export { arbitraryFor } from './arbitrary';
export { expressRoutes, routeKey } from './express-routes';
