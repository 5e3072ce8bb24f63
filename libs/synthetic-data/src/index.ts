export { SyntheticCity, syntheticCity, type SyntheticSinks, type SyntheticSizes } from './synthetic-city.js';
