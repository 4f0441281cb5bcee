// Batching measures candidate batches with routing's fast path (routeLength, on already validated
// picks) and builds the final routes with routePicks.
export { routeLength } from '../../routing/routeLength.js';
export { routePicks } from '../../routing/routePicks.js';
