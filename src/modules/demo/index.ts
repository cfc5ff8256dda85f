export { seedDemo, type DemoCredentials } from './demo.service.js';
