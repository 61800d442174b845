import { serve } from '../shared/service.js';
import { paymentsApp } from './app.js';

await serve((env) => paymentsApp(env));
